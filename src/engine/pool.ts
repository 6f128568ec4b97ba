// Concurrency without a dependency: a counting semaphore for provider calls, and a bounded window of
// in-flight cases so a 10,000-case run never holds 10,000 promises at once.

const FREE: Promise<void> = Promise.resolve();

/** A counting semaphore. `acquire` resolves in FIFO order once a slot is free. */
export class Semaphore {
  private available: number;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`Semaphore limit must be an integer ≥ 1, got ${limit}`);
    this.available = limit;
  }

  acquire(): Promise<void> {
    if (this.tryAcquire()) return FREE; // one shared settled promise: a slot taken per call need not allocate one
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Takes a slot when one is free (true), without a promise to await; false when the caller must wait. */
  tryAcquire(): boolean {
    if (this.available === 0) return false;
    this.available--;
    return true;
  }

  release(): void {
    const next = this.waiting.shift();
    // Hand the slot straight to the next waiter, so a burst of new acquirers cannot overtake it.
    if (next) next();
    else this.available++;
  }

  /** Run `task` holding one slot; the slot is released however the task ends. */
  async use<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }
}

/**
 * Run `work(0) … work(total - 1)` with at most `width` in flight, starting them in index order.
 * Rejects with the first error (after letting the in-flight ones settle); stops starting new work
 * once `signal` aborts.
 */
export async function forEachBounded(
  total: number,
  width: number,
  work: (index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < total && !failure && !signal?.aborted) {
      const index = next++;
      try {
        await work(index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(width, total)) }, lane);
  await Promise.all(lanes);
  if (failure) throw failure.error;
  signal?.throwIfAborted();
}
