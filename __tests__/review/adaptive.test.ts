import { gatherFreshEvidence, resampleFilter, type Resample } from '../../src/review/adaptive.js';
import { caseResults, many, row, type Row } from '../compare/fixtures.js';

const results = (rows: Row[]) => rows.flatMap(caseResults);

/** A resample callback with fixed outcomes per side and test, recording what it was asked for. */
function scripted(outcome: (side: 'base' | 'head', testIdx: number) => 'P' | 'F') {
  const asked: Array<{ side: string; tests: number[]; n: number }> = [];
  const resample: Resample = async (cases, side, n) => {
    asked.push({ side, tests: cases.map((c) => c.testIdx), n });
    return results(cases.map((c) => row(c.testIdx, outcome(side, c.testIdx).repeat(n))));
  };
  return { asked, resample };
}

describe('gatherFreshEvidence', () => {
  it('nothing flipped: no fresh call at all', async () => {
    const { asked, resample } = scripted(() => 'P');
    const fresh = await gatherFreshEvidence({
      base: results(many(10, 'P')),
      head: results(many(10, 'P')),
      criticalTests: new Set(),
      alpha: 0.05,
      resample,
    });
    expect(fresh).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('re-runs only the flipped cases, on both sides, with the default one look of 3 fresh repeats', async () => {
    const { asked, resample } = scripted((side) => (side === 'base' ? 'P' : 'F'));
    const fresh = await gatherFreshEvidence({
      base: results(many(10, 'P')),
      head: results([...many(7, 'P'), ...many(3, 'F', 7)]),
      criticalTests: new Set(),
      alpha: 0.05,
      resample,
    });
    expect(asked).toEqual([
      { side: 'base', tests: [7, 8, 9], n: 3 },
      { side: 'head', tests: [7, 8, 9], n: 3 },
    ]);
    expect(fresh).toMatchObject({ looks: 1, rounds: 1, stopped: 'reject' });
    expect(fresh!.base).toHaveLength(9);
  });

  it('a flipped critical case gets the fresh repeats its own exact test needs', async () => {
    const { asked, resample } = scripted((side) => (side === 'base' ? 'P' : 'F'));
    await gatherFreshEvidence({
      base: results(many(10, 'P')),
      head: results([...many(9, 'P'), row(9, 'F')]),
      criticalTests: new Set([9]),
      alpha: 0.05,
      resample,
    });
    // 3 in the look, then 1 more per side: 4 per side decide it at α/2 (1/70 < 0.025).
    expect(asked.map((a) => [a.side, a.n])).toEqual([
      ['base', 3],
      ['head', 3],
      ['base', 1],
      ['head', 1],
    ]);
  });

  it('several looks: stops early for futility when the fresh repeats show no drop', async () => {
    const { asked, resample } = scripted(() => 'P');
    const fresh = await gatherFreshEvidence({
      base: results(many(10, 'P')),
      head: results([...many(8, 'P'), ...many(2, 'F', 8)]),
      criticalTests: new Set(),
      alpha: 0.05,
      resample,
      sequential: { rounds: 3, perRound: 1 },
    });
    expect(fresh).toMatchObject({ rounds: 1, looks: 3, stopped: 'futile' });
    expect(asked).toHaveLength(2);
  });
});

describe('resampleFilter: plan coordinates of the cases to re-run', () => {
  it('maps the side prompt position to the head index, and providers by their result name', () => {
    const cases = [{ key: '', promptIdx: 2, provider: 'fast', testIdx: 5, critical: false }];
    const filter = resampleFilter(
      cases,
      [0, 2],
      [
        { id: 'openai:chat:x', config: {} },
        { id: 'y', label: 'fast', config: {} },
      ],
    );
    expect(filter({ index: 0, testIdx: 5, promptIdx: 1, providerIdx: 1, repeat: 0 })).toBe(true);
    expect(filter({ index: 0, testIdx: 5, promptIdx: 0, providerIdx: 1, repeat: 0 })).toBe(false);
    expect(filter({ index: 0, testIdx: 5, promptIdx: 1, providerIdx: 0, repeat: 0 })).toBe(false);
  });
});
