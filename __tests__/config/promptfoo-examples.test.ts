// Real example suites from promptfoo's repository (__tests__/fixtures/promptfoo-examples, MIT), unchanged but
// for their provider, load and run: an extension hook (result-hooks) and a prompt function building chat
// messages (openai-realtime), against a loopback OpenAI-compatible model that also answers as the grader.
import { jest } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';

const EXAMPLES = path.resolve('__tests__/fixtures/promptfoo-examples');
const HAIKU = 'AI hums in coffee steam\nmountains hold the morning light\nwords settle like snow';

let server: FakeModelServer;
beforeAll(async () => {
  server = await startFakeModelServer({
    // A grading request (llm-rubric) gets a verdict; every other request gets the haiku.
    responder: ({ messages }) =>
      /rubric/i.test(JSON.stringify(messages))
        ? JSON.stringify({ pass: true, score: 1, reason: 'meets the rubric' })
        : HAIKU,
  });
});
afterAll(() => server.close());

/** The example in a temporary copy, its provider pointed at the fake. */
function example(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-pfex-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  const config = path.join(dir, name, 'promptfooconfig.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('__FAKE_OPENAI_URL__', `${server.url}/v1`));
  return config;
}

const env = { OPENAI_API_KEY: 'sk-test' };

test('result-hooks: the afterAll hook reads every result, as in promptfoo', async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const suite = await loadSuite(example('result-hooks'));
    const { results } = await evaluateSuite(suite, { env });
    expect(results.map((r) => [r.vars.topic, r.pass, r.error])).toEqual([
      ['artificial intelligence', true, undefined],
      ['coffee', true, undefined],
      ['mountains', true, undefined],
    ]);
    const printed = log.mock.calls.map((c) => c.join(' ')).join('\n');
    expect(printed).toContain('Total Tests:  3');
    expect(printed).toContain('Success Rate: 100.0%');
  } finally {
    log.mockRestore();
  }
});

test('openai-realtime: the prompt function builds the chat messages each case sends', async () => {
  const suite = await loadSuite(example('openai-realtime'));
  const { results } = await evaluateSuite(suite, { env });
  expect(results).toHaveLength(6);
  expect(results.map((r) => [r.pass, r.error])).toEqual(Array(6).fill([true, undefined]));
  const sent = JSON.parse(results[0]!.prompt!) as Array<{ role: string; content: Array<{ text: string }> }>;
  expect(sent.map((m) => [m.role, m.content[0]!.text])).toEqual([
    ['system', 'You are a helpful, friendly AI assistant. Keep your responses conversational and engaging.'],
    ['user', 'What are some popular tourist destinations in Japan?'],
  ]);
});
