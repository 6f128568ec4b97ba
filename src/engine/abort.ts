// Watching the run's abort signal from thousands of places at once, cheaply.
/**
 * Callbacks to run when a signal aborts, behind one listener per signal. Every attempt, and every call
 * waiting for its limiter, watches the run's signal: adding and removing an EventTarget listener each time
 * cost more CPU than the call's own bookkeeping; a Set entry costs next to nothing.
 */
const watchers = new WeakMap<AbortSignal, Set<() => void>>();

/** Runs `onAbort` when `signal` aborts, until the returned function is called. */
export function watchAbort(signal: AbortSignal, onAbort: () => void): () => void {
  let found = watchers.get(signal);
  if (!found) {
    const all = new Set<() => void>();
    signal.addEventListener('abort', () => {
      for (const callback of all) callback();
    });
    watchers.set(signal, (found = all));
  }
  const callbacks = found;
  callbacks.add(onAbort);
  return () => callbacks.delete(onAbort);
}
