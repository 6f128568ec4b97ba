// Progress lines at a sensible rate: in a log a line at each tenth, at most every 2 s, at least every 30 s; on a
// TTY one line redrawn at most ten times a second. The clock is the test's.
import { createProgress, createReviewProgress, formatDuration } from '../../src/engine/progress.js';
import type { CaseResult } from '../../src/types.js';

const result = (pass: boolean, error?: string) => ({ pass, error }) as CaseResult;

function simulate(options: { tty: boolean; total: number; msPerCase: number }) {
  let clock = 0;
  const out: string[] = [];
  const p = createProgress({ tty: options.tty, write: (t) => out.push(t), now: () => clock });
  for (let done = 1; done <= options.total; done++) {
    clock += options.msPerCase;
    p.onResult(result(done % 4 !== 0, done % 10 === 0 ? 'timeout' : undefined));
    p.onProgress(done, options.total);
  }
  p.finish();
  return out;
}

test('a short run prints no progress at all (the summary follows)', () => {
  expect(simulate({ tty: false, total: 20, msPerCase: 10 })).toEqual([]);
  expect(simulate({ tty: true, total: 5, msPerCase: 10 })).toEqual([]);
});

test('a long run in a log prints a line per tenth, with counts so far, elapsed and ETA', () => {
  const lines = simulate({ tty: false, total: 1000, msPerCase: 50 });
  expect(lines).toHaveLength(10);
  expect(lines[0]).toBe('100/1000 cases (10%) · 70 passed, 20 failed, 10 errors · 5.0 s · ETA 45 s\n');
  expect(lines[8]).toMatch(/^900\/1000 cases \(90%\) .* · 45 s · ETA 5.0 s\n$/);
  expect(lines[9]).toBe('1000/1000 cases (100%) · 700 passed, 200 failed, 100 errors · 50 s\n');
});

test('a very slow run still says something every 30 s', () => {
  const lines = simulate({ tty: false, total: 10_000, msPerCase: 1_000 });
  // Ten tenths at most, plus a line every 30 s in between: never silent for longer.
  expect(lines.length).toBeGreaterThan(300);
  expect(lines.length).toBeLessThan(360);
});

test('on a TTY one line is redrawn, at most ten times a second, and ended', () => {
  const lines = simulate({ tty: true, total: 1000, msPerCase: 10 });
  expect(lines.every((l) => l.startsWith('\r') || l === '\n')).toBe(true);
  expect(lines.length).toBeLessThanOrEqual(10 * 10 + 3);
  expect(lines.at(-1)).toBe('\n');
});

test('a review gets its own lines of counts per suite and side', () => {
  let clock = 0;
  const out: string[] = [];
  const p = createReviewProgress({ tty: false, write: (t) => out.push(t), now: () => clock });
  for (const side of ['head', 'base']) {
    for (let done = 1; done <= 10; done++) {
      clock += 1_000;
      p.onResult(result(side === 'head'), { config: 'a.yaml', side });
      p.onProgress(done, 10);
    }
  }
  p.finish();
  expect(out.filter((l) => l.includes('10/10'))).toEqual([
    'a.yaml (head): 10/10 cases (100%) · 10 passed, 0 failed, 0 errors · 10 s\n',
    'a.yaml (base): 10/10 cases (100%) · 0 passed, 10 failed, 0 errors · 9.0 s\n',
  ]);
});

test.each([
  [450, '0.5 s'],
  [12_000, '12 s'],
  [75_000, '1 min 15 s'],
  [3_700_000, '1 h 01 min'],
])('formatDuration(%i) is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
