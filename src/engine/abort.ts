// Watching abort signals from thousands of places at once, cheaply.
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

export interface OwnedAbortController {
  readonly signal: AbortSignal;
  abort(reason: unknown): void;
}

/**
 * A controller for a signal that only its holder aborts (one attempt's). Its abort() runs the watchAbort
 * callbacks itself, so watching its signal (the HTTP request of every attempt does) takes no EventTarget
 * listener at all: on Node 20 adding and removing one per call cost as much as the limiter. Code that
 * listens to the signal in the usual way (SDKs, fetch) is told as usual, first.
 */
export function ownedAbortController(): OwnedAbortController {
  const controller = new AbortController();
  const callbacks = new Set<() => void>();
  watchers.set(controller.signal, callbacks);
  return {
    signal: controller.signal,
    abort(reason) {
      if (controller.signal.aborted) return;
      controller.abort(reason);
      for (const callback of callbacks) callback();
    },
  };
}
