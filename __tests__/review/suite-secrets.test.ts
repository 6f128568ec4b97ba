// What a review scrubs: every provider's and grader's key, including graders given per kind.
import { suiteSecrets } from '../../src/evaluate.js';
import type { Suite } from '../../src/types.js';

const suite = (provider: unknown): Suite =>
  ({
    configPath: '/x/promptgate.yaml',
    rootDir: '/x',
    prompts: [],
    providers: [{ id: 'echo', config: {} }],
    tests: [{ vars: {}, assert: [], options: { provider } }],
    evaluateOptions: { maxConcurrency: 1, repeat: 1, timeoutMs: 1000, maxRetries: 0, maxRateLimitWaitMs: 1000 },
    gate: { ship: 0.9, fix: 0.5, alpha: 0.05, maxErrorRate: 0.1 },
    referencedFiles: [],
  }) as unknown as Suite;

test.each([
  ['an id', 'openai:chat:grader'],
  ['a spec', { id: 'openai:chat:grader', config: { apiKeyEnvar: 'GRADER_KEY' } }],
  [
    'graders per kind',
    { text: { id: 'openai:chat:grader', config: { apiKeyEnvar: 'GRADER_KEY' } }, embedding: 'openai:embedding:e' },
  ],
])("a test's grader given as %s: its key is scrubbed", (_what, provider) => {
  const env = { GRADER_KEY: 'grader-secret-1', OPENAI_API_KEY: 'openai-secret-2' };
  const secrets = suiteSecrets(suite(provider), { env });
  expect(secrets).toContain('openai-secret-2');
  if (typeof provider !== 'string') expect(secrets).toContain('grader-secret-1');
});
