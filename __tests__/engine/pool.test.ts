import { forEachBounded, Semaphore } from '../../src/engine/pool.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Semaphore', () => {
  test.each([1, 3, 8])('never lets more than %i tasks run at once', async (limit) => {
    const slots = new Semaphore(limit);
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        slots.use(async () => {
          peak = Math.max(peak, ++inFlight);
          await tick(i % 3);
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(limit);
  });

  test('releases the slot when the task throws', async () => {
    const slots = new Semaphore(1);
    await expect(slots.use(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.use(async () => 'next')).resolves.toBe('next');
  });

  test('tryAcquire takes a free slot at once, and never one a waiter is owed', async () => {
    const slots = new Semaphore(1);
    expect(slots.tryAcquire()).toBe(true);
    expect(slots.tryAcquire()).toBe(false);
    let waiterGotIt = false;
    const waiter = slots.acquire().then(() => (waiterGotIt = true));
    slots.release(); // handed to the waiter, not freed
    expect(slots.tryAcquire()).toBe(false);
    await waiter;
    expect(waiterGotIt).toBe(true);
    slots.release();
    expect(slots.tryAcquire()).toBe(true);
  });

  test.each([0, -1, 1.5])('rejects a limit of %p', (limit) => {
    expect(() => new Semaphore(limit)).toThrow(RangeError);
  });
});

describe('forEachBounded', () => {
  test('runs every index once, at most `width` at a time', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let peak = 0;
    await forEachBounded(25, 4, async (i) => {
      peak = Math.max(peak, ++inFlight);
      await tick(1);
      seen.push(i);
      inFlight--;
    });
    expect(peak).toBe(4);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  test('rejects with the first error and starts nothing new after it', async () => {
    const started: number[] = [];
    const run = forEachBounded(100, 2, async (i) => {
      started.push(i);
      await tick(1);
      if (i === 3) throw new Error('case 3 broke');
    });
    await expect(run).rejects.toThrow('case 3 broke');
    expect(started.length).toBeLessThan(10);
  });

  test('stops starting work once the signal aborts, and rejects', async () => {
    const controller = new AbortController();
    let count = 0;
    const run = forEachBounded(
      1000,
      2,
      async () => {
        if (++count === 5) controller.abort(new Error('stop'));
        await tick(0);
      },
      controller.signal,
    );
    await expect(run).rejects.toThrow('stop');
    expect(count).toBeLessThan(10);
  });

  test('does nothing for zero items', async () => {
    let calls = 0;
    await forEachBounded(0, 4, async () => void calls++);
    expect(calls).toBe(0);
  });
});
