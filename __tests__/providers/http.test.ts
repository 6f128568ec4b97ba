// The pieces every HTTP provider shares: status classification, Retry-After, redaction, prices.
import { isTransientStatus, parseRateLimit, parseResetMs, parseRetryAfter } from '../../src/providers/http.js';
import { costOf, knownPrice, priceFor } from '../../src/providers/prices.js';
import { redact, stableJson } from '../../src/providers/secrets.js';

describe('isTransientStatus: may a retry help?', () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [529, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [413, false],
    [422, false],
  ])('%i → %s', (status, transient) => {
    expect(isTransientStatus(status)).toBe(transient);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    ['whole seconds', { 'retry-after': '3' }, 3000],
    ['fractional seconds', { 'retry-after': '1.5' }, 1500],
    ['an HTTP date', { 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' }, 10000],
    ['a date in the past', { 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, 0],
    ["OpenAI's retry-after-ms, preferred", { 'retry-after': '3', 'retry-after-ms': '250' }, 250],
    ['garbage', { 'retry-after': 'soon' }, undefined],
    ['no header', {}, undefined],
  ])('%s', (_name, headers, ms) => {
    expect(parseRetryAfter(headers, now)).toBe(ms);
  });
});

describe('parseRateLimit: what a response says about the limits', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  test('OpenAI: x-ratelimit-{limit,remaining,reset}-{requests,tokens}, and 429', () => {
    const headers = {
      'x-ratelimit-limit-requests': '500',
      'x-ratelimit-remaining-requests': '499',
      'x-ratelimit-reset-requests': '120ms',
      'x-ratelimit-limit-tokens': '200000',
      'x-ratelimit-remaining-tokens': '199000',
      'x-ratelimit-reset-tokens': '6m0s',
    };
    expect(parseRateLimit(headers, 429, now)).toEqual({
      signal: 'rate-limited',
      windows: [
        { unit: 'requests', limit: 500, remaining: 499, resetMs: 120 },
        { unit: 'tokens', limit: 200_000, remaining: 199_000, resetMs: 360_000 },
      ],
    });
  });

  test('Anthropic: anthropic-ratelimit-<unit>-*, resets as RFC 3339 times, and 529', () => {
    const headers = {
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': '2025-01-01T00:00:02Z',
      'anthropic-ratelimit-input-tokens-limit': '40000',
      'anthropic-ratelimit-input-tokens-remaining': '39000',
      'anthropic-ratelimit-input-tokens-reset': '2025-01-01T00:00:01.5Z',
    };
    expect(parseRateLimit(headers, 529, now)).toEqual({
      signal: 'overloaded',
      windows: [
        { unit: 'requests', limit: 50, remaining: 0, resetMs: 2000 },
        { unit: 'input-tokens', limit: 40_000, remaining: 39_000, resetMs: 1500 },
      ],
    });
  });

  test.each([
    [200, undefined],
    [503, { signal: 'unavailable', windows: [] }],
    [500, undefined],
  ])('no rate-limit headers, status %i → %j', (status, facts) => {
    expect(parseRateLimit({ 'content-type': 'application/json' }, status, now)).toEqual(facts);
  });

  test.each([
    ['20ms', 20],
    ['1s', 1000],
    ['6m0s', 360_000],
    ['1h2m3.5s', 3_723_500],
    ['0.5', 500],
    ['2025-01-01T00:00:01Z', 1000],
  ])('reset %s → %i ms', (text, ms) => {
    expect(parseResetMs(text, now)).toBe(ms);
  });
});

describe('redact', () => {
  it.each([
    ['a key anywhere in the text', 'bad key sk-abc123 given', ['sk-abc123'], 'bad key [REDACTED] given'],
    ['every occurrence', 'sk-abc123/sk-abc123', ['sk-abc123'], '[REDACTED]/[REDACTED]'],
    ['the token inside a bearer header value', 'got abc-token-9', ['Bearer abc-token-9'], 'got [REDACTED]'],
    ['nothing when short values would shred the text', 'a b c', ['a'], 'a b c'],
  ])('%s', (_name, text, secrets, expected) => {
    expect(redact(text, secrets)).toBe(expected);
  });
});

describe('stableJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });
});

describe('prices', () => {
  it.each([
    ['gpt-4o-mini', 0.15e-6, 0.6e-6],
    ['gpt-4o-mini-2024-07-18', 0.15e-6, 0.6e-6],
    ['gpt-4o', 2.5e-6, 10e-6],
    ['gpt-4.1-mini', 0.4e-6, 1.6e-6],
    ['claude-3-5-sonnet-20241022', 3e-6, 15e-6],
    ['claude-sonnet-4-5-20250929', 3e-6, 15e-6],
    ['claude-opus-4-5-20251101', 5e-6, 25e-6],
  ])('%s is priced by its family', (model, input, output) => {
    const price = knownPrice(model);
    expect(price?.input).toBeCloseTo(input, 12);
    expect(price?.output).toBeCloseTo(output, 12);
  });

  it.each(['gpt-4o2', 'my-finetune', 'llama3', 'gpt-4.5-preview'])('%s is unknown', (model) => {
    expect(knownPrice(model)).toBeUndefined();
  });

  it('config prices win over the table, per direction', () => {
    expect(priceFor('gpt-4o', { inputCost: 1 })).toEqual({ input: 1, output: 10e-6 });
    expect(priceFor('unknown', { outputCost: 2 })).toEqual({ input: 0, output: 2 });
  });

  it('a cost needs both a price and a usage', () => {
    expect(costOf({ input: 1, output: 2 }, { prompt: 3, completion: 4 })).toBe(11);
    expect(costOf(undefined, { prompt: 3 })).toBeUndefined();
    expect(costOf({ input: 1, output: 2 }, {})).toBeUndefined();
  });
});
