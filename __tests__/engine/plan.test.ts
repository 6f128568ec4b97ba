import { caseAt, caseIdentity, countCases, planCases, testIdentities } from '../../src/engine/plan.js';

describe('the case plan', () => {
  test.each([
    [{ tests: 3, prompts: 2, providers: 2, repeat: 1 }, 12],
    [{ tests: 10, prompts: 1, providers: 1, repeat: 3 }, 30],
    [{ tests: 0, prompts: 2, providers: 2, repeat: 1 }, 0],
    [{ tests: 5, prompts: 2, providers: 0, repeat: 1 }, 0],
  ])('%o has %i cases', (shape, expected) => {
    expect(countCases(shape)).toBe(expected);
    expect([...planCases(shape)]).toHaveLength(expected);
  });

  test('orders cases by test, then prompt, then provider, then repeat', () => {
    const shape = { tests: 2, prompts: 2, providers: 2, repeat: 2 };
    const order = [...planCases(shape)].map((c) => [c.testIdx, c.promptIdx, c.providerIdx, c.repeat]);
    const expected: number[][] = [];
    for (let t = 0; t < 2; t++)
      for (let p = 0; p < 2; p++) for (let v = 0; v < 2; v++) for (let r = 0; r < 2; r++) expected.push([t, p, v, r]);
    expect(order).toEqual(expected);
  });

  test('caseAt(index) gives the case at that plan position', () => {
    const shape = { tests: 7, prompts: 3, providers: 2, repeat: 5 };
    for (const planned of planCases(shape)) expect(caseAt(shape, planned.index)).toEqual(planned);
    expect(caseAt(shape, countCases(shape) - 1)).toEqual({
      index: 209,
      testIdx: 6,
      promptIdx: 2,
      providerIdx: 1,
      repeat: 4,
    });
  });
});

describe('case identity', () => {
  const test1 = {
    description: 'greets',
    vars: { name: 'Ada', lang: 'en' },
    assert: [{ type: 'contains', value: 'Ada' }],
  };

  test('a test identity is a hash that ignores key order, with #n for a repeated identical test', () => {
    const reordered = { assert: test1.assert, vars: { lang: 'en', name: 'Ada' }, description: 'greets' };
    const [a, b] = testIdentities([test1, reordered]);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toBe(`${a}#1`);
  });

  test.each([
    ['description', { ...test1, description: 'says hello' }],
    ['vars', { ...test1, vars: { name: 'Grace', lang: 'en' } }],
    ['assert', { ...test1, assert: [{ type: 'icontains', value: 'Ada' }] }],
  ])('a change of %s changes the test identity', (_field, changed) => {
    expect(testIdentities([changed])).not.toEqual(testIdentities([test1]));
  });

  const baseCase = { prompt: 'file://prompts/a.txt', providerId: 'echo', testIdentity: '0:abc', repeat: 0 };
  test.each([
    ['prompt id', { ...baseCase, prompt: { id: 'file://prompts/b.txt' } }],
    ['provider id', { ...baseCase, providerId: 'openai:chat:gpt-4o-mini' }],
    ['test identity', { ...baseCase, testIdentity: '1:abc' }],
    ['repeat', { ...baseCase, repeat: 1 }],
  ])('a change of %s changes the case identity', (_part, changed) => {
    expect(caseIdentity(changed)).not.toBe(caseIdentity(baseCase));
  });

  test('ids containing separators cannot collide', () => {
    const a = caseIdentity({ prompt: 'a|b', providerId: 'c', testIdentity: '0:x', repeat: 0 });
    const b = caseIdentity({ prompt: 'a', providerId: 'b|c', testIdentity: '0:x', repeat: 0 });
    expect(a).not.toBe(b);
    expect(caseIdentity({ ...baseCase, prompt: { id: baseCase.prompt } })).toBe(caseIdentity(baseCase));
  });
});
