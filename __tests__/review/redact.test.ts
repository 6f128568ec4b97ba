import { redactResults } from '../../src/review/redact.js';
import type { EvalResults } from '../../src/types.js';

const results = (output: string, error?: string): EvalResults => ({
  version: 1,
  suite: 's',
  stats: { cases: 1, passed: 1, failed: 0, errors: 0, passRate: 1 },
  results: [
    {
      testIdx: 0,
      promptIdx: 0,
      promptId: 'p',
      provider: 'openai:chat:x',
      repeat: 0,
      vars: { name: 'Ada' },
      output,
      pass: true,
      score: 1,
      ...(error ? { error } : {}),
      assertions: [{ type: 'contains', pass: true, score: 1, reason: `saw ${output}` }],
      latencyMs: 1,
      tokens: { prompt: 1, completion: 1, total: 2 },
      cost: 0,
      cached: false,
    },
  ],
});

describe('redactResults', () => {
  const key = 'sk-live-0123456789';

  test('every occurrence of a secret, in outputs, errors and reasons, becomes [REDACTED]', () => {
    const r = redactResults(results(`auth: Bearer ${key}`, `401 for key ${key}`), [key]);
    const text = JSON.stringify(r);
    expect(text).not.toContain(key);
    expect(r.results[0].output).toBe('auth: Bearer [REDACTED]');
    expect(r.results[0].error).toBe('401 for key [REDACTED]');
    expect(r.results[0].assertions[0].reason).toBe('saw auth: Bearer [REDACTED]');
  });

  test('a header secret is also found without its scheme', () => {
    const r = redactResults(results(`token ${key} leaked`), [`Bearer ${key}`]);
    expect(r.results[0].output).toBe('token [REDACTED] leaked');
  });

  test('results without a secret are returned as they are, not copied', () => {
    const clean = results('hello');
    expect(redactResults(clean, [key])).toBe(clean);
    expect(redactResults(clean, [])).toBe(clean);
  });

  test('the input is not changed', () => {
    const dirty = results(`x ${key}`);
    redactResults(dirty, [key]);
    expect(dirty.results[0].output).toBe(`x ${key}`);
  });
});
