// Watching abort signals from thousands of places at once, cheaply.
import { getEventListeners } from 'node:events';

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
  /**
   * The attempt is over and nothing aborted it: the controller may serve a later attempt (ownedAbortController
   * hands it out again) when nothing still watches or listens to its signal.
   */
  release(): void;
}

/** Controllers whose signal never aborted and that nothing watches or listens to: reused before a new one. */
const idle: Pooled[] = [];

interface Pooled extends OwnedAbortController {
  idle: boolean;
}

/** More idle controllers than calls ever run at once are let go (maxConcurrency is rarely above a few hundred). */
const MAX_IDLE = 256;

/**
 * A controller for a signal that only its holder aborts (one attempt's). Its abort() runs the watchAbort
 * callbacks itself, so watching its signal (the HTTP request of every attempt does) takes no EventTarget
 * listener at all: on Node 20 adding and removing one per call cost as much as the limiter. Code that
 * listens to the signal in the usual way (SDKs, fetch) is told as usual, first.
 *
 * A released controller is handed out again: making an AbortController (an EventTarget) cost more CPU per call on
 * Node 20 than the rest of the attempt's bookkeeping. It is released only when its signal never aborted and no
 * watcher or listener is left on it, so a later attempt's abort reaches no one from an earlier one but code that
 * kept the signal past its attempt without listening to it.
 */
export function ownedAbortController(): OwnedAbortController {
  const reused = idle.pop();
  if (reused) {
    reused.idle = false;
    return reused;
  }
  const controller = new AbortController();
  const { signal } = controller;
  const callbacks = new Set<() => void>();
  watchers.set(signal, callbacks);
  const owned: Pooled = {
    idle: false,
    signal,
    abort(reason) {
      if (signal.aborted) return;
      controller.abort(reason);
      for (const callback of callbacks) callback();
    },
    release() {
      // A second release of an idle controller would hand it to two attempts.
      if (owned.idle || signal.aborted || callbacks.size > 0 || idle.length >= MAX_IDLE) return;
      if (getEventListeners(signal, 'abort').length > 0) return;
      owned.idle = true;
      idle.push(owned);
    },
  };
  return owned;
}
