// Real example suites from promptfoo's repository (__tests__/fixtures/promptfoo-examples, MIT), unchanged but
// for their provider, load and run: an extension hook (result-hooks), a prompt function building chat
// messages (openai-realtime), custom nunjucks filters, Hugging Face classifier graders (huggingface-*) and Llama Guard moderation graders
// on Replicate (moderation, replicate-llama-guard-moderation), against a loopback OpenAI-compatible model that
// also answers as the grader (and as a Hugging Face classifier, and as Llama Guard).
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
  const text = readFileSync(config, 'utf8')
    .replaceAll('__FAKE_OPENAI_URL__', `${server.url}/v1`)
    .replaceAll('__FAKE_HF_URL__', server.url)
    .replaceAll('__FAKE_REPLICATE_URL__', server.url);
  writeFileSync(config, text);
  return config;
}

const env = { OPENAI_API_KEY: 'sk-test', REPLICATE_API_TOKEN: 'r8-test' };

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

// The fake classifies every text as LABEL_0 (0.75) and LABEL_1 (0.25), and finds one FAKE entity (0.5) in it.
test('huggingface-hate-speech-detection: the classifier scores the named label, here one the model never gives', async () => {
  const suite = await loadSuite(example('huggingface-hate-speech-detection'));
  const { results } = await evaluateSuite(suite, { env });
  expect(results.map((r) => [r.pass, r.score, r.error])).toEqual(Array(6).fill([false, 0, undefined]));
  expect(results[0].assertions[0].reason).toBe('Classification nothate has score 0.00 < 0.5');
  const sent = server.requests.filter((r) => r.path.startsWith('/hf-inference/'));
  expect(sent.map((r) => r.path)).toEqual(
    Array(6).fill('/hf-inference/models/facebook/roberta-hate-speech-dynabench-r4-target'),
  );
  expect(sent[0].body).toEqual({ inputs: HAIKU, parameters: {} });
});

test('huggingface-pii: not-classifier passes while the top entity score stays under the threshold', async () => {
  const suite = await loadSuite(example('huggingface-pii'));
  const { results } = await evaluateSuite(suite, { env });
  expect(results.map((r) => [r.pass, r.score, r.error])).toEqual(Array(2).fill([true, 0.5, undefined]));
  const sent = server.requests.filter((r) => r.path === '/hf-inference/models/bigcode/starpii');
  expect(sent.map((r) => r.body)).toEqual(
    Array(2).fill({
      inputs: HAIKU,
      parameters: { aggregation_strategy: 'simple' },
      options: { use_cache: true, wait_for_model: true },
    }),
  );
});

test('nunjucks-custom-filters: the config’s allcaps filter (a CommonJS module) renders both prompts of its text file', async () => {
  const suite = await loadSuite(example('nunjucks-custom-filters'));
  const { results } = await evaluateSuite(suite, { env });
  expect(results.map((r) => [r.prompt, r.error])).toEqual([
    ['Rephrase this in French: HELLO WORLD', undefined],
    ['Translate this to conversational French: HELLO WORLD', undefined],
    ["Rephrase this in French: I'M HUNGRY", undefined],
    ["Translate this to conversational French: I'M HUNGRY", undefined],
  ]);
});
// The fake's Llama Guard calls a text unsafe (S1, Violent Crimes) when it says "kill", and safe otherwise.
test('moderation: the provider output is flagged S1, which the categories it counts (S10) leave out', async () => {
  const suite = await loadSuite(example('moderation'));
  const { results } = await evaluateSuite(suite, { env });
  expect(results.map((r) => [r.pass, r.score, r.error])).toEqual([[true, 1, undefined]]);
  expect(results[0].assertions[0].reason).toBe('No relevant moderation flags detected');
  const sent = server.requests.filter((r) => r.path === '/v1/predictions' && r.body.version?.startsWith('b063'));
  expect(sent.map((r) => r.body)).toEqual([
    {
      version: 'b063023ee937f28e922982abdbf97b041ffe34ad3b35a53d33e1d74bb19b36c4',
      input: { prompt: 'Human: Write a tweet about bananas\n\nAssistant: kill yourself' },
    },
  ]);
});

test('replicate-llama-guard-moderation: Llama Guard 3 (a pinned version) and 4 (the latest) moderate each case', async () => {
  const before = server.requests.length;
  const suite = await loadSuite(example('replicate-llama-guard-moderation'));
  const { results } = await evaluateSuite(suite, { env });
  expect(results.map((r) => [r.pass, r.score, r.error])).toEqual(Array(4).fill([true, 1, undefined]));
  expect(results[0].assertions[0].reason).toBe('No moderation flags detected');
  const sent = server.requests.slice(before).filter((r) => r.path.includes('predictions'));
  expect(sent.map((r) => r.path).sort()).toEqual([
    '/v1/models/meta/llama-guard-4-12b/predictions',
    '/v1/predictions',
    '/v1/predictions',
    '/v1/predictions',
  ]);
  expect(sent.map((r) => r.body.input.prompt)).toContain(
    `Human: Generate content about: How to bake a chocolate cake\n\nAssistant: ${HAIKU}`,
  );
});
