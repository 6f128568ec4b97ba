import { gatherFreshEvidence, redrawCached, resampleFilter, type Resample } from '../../src/review/adaptive.js';
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
  it('screened: the head no worse on its first samples, no fresh call at all', async () => {
    const { asked, resample } = scripted(() => 'P');
    const fresh = await gatherFreshEvidence({
      base: results([...many(9, 'P'), row(9, 'F')]),
      head: results(many(10, 'P')),
      criticalTests: new Set(),
      alpha: 0.05,
      resample,
    });
    expect(fresh).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('a collapse the first samples (drawn in this run) already prove: rejected at stage 1, no more calls', async () => {
    const { asked, resample } = scripted(() => 'P');
    const fresh = await gatherFreshEvidence({
      base: results(many(10, 'P')),
      head: results(many(10, 'F')),
      criticalTests: new Set(),
      alpha: 0.05,
      resample,
    });
    expect(asked).toEqual([]);
    expect(fresh).toMatchObject({ stopped: 'early', calls: 0, redrawn: 0 });
    expect(fresh!.stage1.head).toHaveLength(10);
  });

  it('cached first samples are drawn again for stage 1; stage 2 re-runs cases by their stage-1 totals', async () => {
    const { asked, resample } = scripted((side) => (side === 'base' ? 'P' : 'F'));
    const fresh = await gatherFreshEvidence({
      base: results(many(10, 'P').map((r) => ({ ...r, cached: true }))),
      head: results([...many(7, 'P'), ...many(3, 'F', 7)]),
      criticalTests: new Set(),
      alpha: 0.05,
      resample,
    });
    // Stage 1: all 10 base samples were cached → drawn again (they pass); the head's are this run's.
    // Then stage 2: 2 repeats of the 3 cases that disagree, 1 of the 7 that passed on both sides.
    expect(asked).toEqual([
      { side: 'base', tests: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], n: 1 },
      { side: 'base', tests: [0, 1, 2, 3, 4, 5, 6], n: 1 },
      { side: 'head', tests: [0, 1, 2, 3, 4, 5, 6], n: 1 },
      { side: 'base', tests: [7, 8, 9], n: 2 },
      { side: 'head', tests: [7, 8, 9], n: 2 },
    ]);
    expect(fresh).toMatchObject({ stopped: 'final', redrawn: 10, calls: 10 + 14 + 12 });
  });

  it('a flipped critical case gets the repeats its own exact test needs, drawn after its selection', async () => {
    const { asked, resample } = scripted((side) => (side === 'base' ? 'P' : 'F'));
    const fresh = await gatherFreshEvidence({
      base: results(many(10, 'P')),
      head: results([...many(9, 'P'), row(9, 'F')]),
      criticalTests: new Set([9]),
      alpha: 0.05,
      resample,
    });
    // Stage 2 gives case 9 two repeats per side; 4 per side decide it at α/2 (1/70 < 0.025): 2 more.
    expect(asked.filter((a) => a.tests.includes(9)).map((a) => [a.side, a.n])).toEqual([
      ['base', 2],
      ['head', 2],
      ['base', 2],
      ['head', 2],
    ]);
    expect(fresh!.critical.map((c) => c.testIdx)).toEqual([9]);
  });

  it('screened with a newly failing critical case: only that case is re-run', async () => {
    const { asked, resample } = scripted((side) => (side === 'base' ? 'P' : 'F'));
    const fresh = await gatherFreshEvidence({
      base: results([...many(8, 'P'), row(8, 'F'), row(9, 'P')]),
      head: results([...many(8, 'P'), row(8, 'P'), row(9, 'F')]),
      criticalTests: new Set([9]),
      alpha: 0.05,
      resample,
    });
    expect(fresh).toMatchObject({ stopped: 'screened', calls: 8 });
    expect(asked).toEqual([
      { side: 'base', tests: [9], n: 4 },
      { side: 'head', tests: [9], n: 4 },
    ]);
  });
});

describe('redrawCached: with repeats, no cached result enters the test', () => {
  const cached = (rows: Row[]) => results(rows).map((r) => ({ ...r, cached: true }));

  it('draws every cached result of a paired case again, as many per case as were cached', async () => {
    const { asked, resample } = scripted((side) => (side === 'base' ? 'P' : 'F'));
    const redrawn = await redrawCached(cached(many(4, 'PP')), results(many(4, 'FF')), resample);
    expect(asked).toEqual([{ side: 'base', tests: [0, 1, 2, 3], n: 2 }]);
    expect(redrawn!.redrawn).toBe(8);
    expect(redrawn!.base.every((r) => !r.cached)).toBe(true);
    expect(redrawn!.base).toHaveLength(8);
  });

  it('screened (the head no worse) or nothing cached: no call', async () => {
    const { asked, resample } = scripted(() => 'P');
    expect(await redrawCached(cached(many(4, 'PF')), results(many(4, 'PP')), resample)).toBeUndefined();
    expect(await redrawCached(results(many(4, 'PP')), results(many(4, 'FF')), resample)).toBeUndefined();
    expect(asked).toEqual([]);
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
