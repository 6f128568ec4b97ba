// promptfoo's prompt `config` (merged over each provider's config for that prompt's calls only), a test's own
// `provider` and its `providerOutput`, checked at the wire against a loopback OpenAI-compatible server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';

let server: FakeModelServer;
beforeAll(async () => (server = await startFakeModelServer()));
afterAll(() => server.close());

test("a prompt's config reaches its own calls, over the provider's; other prompts' calls are untouched", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-pcfg-'));
  writeFileSync(
    path.join(dir, 'promptgate.yaml'),
    [
      'prompts:',
      '  - label: strict',
      '    raw: "Solve {{ problem }}"',
      '    config:',
      '      temperature: 0',
      '      response_format: { type: json_object }',
      '  - "Plain {{ problem }}"',
      'providers:',
      '  - id: openai:chat:gpt-4o-mini',
      `    config: { apiBaseUrl: "${server.url}/v1", temperature: 0.7, max_tokens: 50 }`,
      'tests:',
      '  - vars: { problem: "1+1" }',
      '    assert: [{ type: contains, value: "1+1" }]',
    ].join('\n'),
  );
  const suite = await loadSuite(path.join(dir, 'promptgate.yaml'));
  expect(suite.prompts[0]!.config).toEqual({ temperature: 0, response_format: { type: 'json_object' } });
  const { results } = await evaluateSuite(suite, { env: { OPENAI_API_KEY: 'sk-test' } });
  expect(results.map((r) => [r.output, r.provider])).toEqual([
    ['Solve 1+1', 'openai:chat:gpt-4o-mini'],
    ['Plain 1+1', 'openai:chat:gpt-4o-mini'],
  ]);
  const bodies = server.requests.map((r) => r.body as Record<string, unknown>);
  const strict = bodies.find((b) => JSON.stringify(b.messages).includes('Solve'))!;
  const plain = bodies.find((b) => JSON.stringify(b.messages).includes('Plain'))!;
  expect([strict.temperature, strict.response_format, strict.max_tokens]).toEqual([0, { type: 'json_object' }, 50]);
  expect([plain.temperature, plain.response_format, plain.max_tokens]).toEqual([0.7, undefined, 50]);
});

test("a test's own provider takes its calls; results keep the listed provider's name (promptfoo)", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-tprov-'));
  writeFileSync(
    path.join(dir, 'promptgate.yaml'),
    [
      'prompts: ["Say {{ word }}"]',
      'providers:',
      '  - id: openai:chat:gpt-4o-mini',
      '    label: listed',
      `    config: { apiBaseUrl: "${server.url}/v1" }`,
      'tests:',
      '  - vars: { word: remote }',
      '  - vars: { word: local }',
      '    provider: echo',
    ].join('\n'),
  );
  const before = server.requestCount;
  const suite = await loadSuite(path.join(dir, 'promptgate.yaml'));
  const { results } = await evaluateSuite(suite, { env: { OPENAI_API_KEY: 'sk-test' } });
  expect(results.map((r) => [r.output, r.provider])).toEqual([
    ['Say remote', 'listed'],
    ['Say local', 'listed'],
  ]);
  expect(server.requestCount - before).toBe(1);
});

test("a test's providerOutput is scored as the output, and no provider is called (promptfoo)", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-pout-'));
  writeFileSync(
    path.join(dir, 'promptgate.yaml'),
    [
      'prompts: ["Say {{ word }}"]',
      'providers:',
      `  - id: openai:chat:gpt-4o-mini`,
      `    config: { apiBaseUrl: "${server.url}/v1" }`,
      'tests:',
      '  - vars: { word: hi }',
      '    providerOutput: fixed answer',
      '    assert: [{ type: equals, value: fixed answer }]',
      '  - vars: { word: obj }',
      '    providerOutput: { text: structured }',
      '    assert: [{ type: javascript, value: "output.text === \'structured\'" }]',
    ].join('\n'),
  );
  const before = server.requestCount;
  const suite = await loadSuite(path.join(dir, 'promptgate.yaml'));
  const { results } = await evaluateSuite(suite, { env: { OPENAI_API_KEY: 'sk-test' } });
  expect(results.map((r) => [r.output, r.pass, r.prompt])).toEqual([
    ['fixed answer', true, 'Say hi'],
    [{ text: 'structured' }, true, 'Say obj'],
  ]);
  expect(server.requestCount).toBe(before);
});
