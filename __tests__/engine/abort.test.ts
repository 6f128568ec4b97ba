// Watching abort signals without an EventTarget listener per watcher (engine/abort.ts).
import { getEventListeners } from 'node:events';
import { ownedAbortController, watchAbort } from '../../src/engine/abort.js';

describe('watchAbort', () => {
  test('on any signal: one listener for all watchers, each told once, and an unwatched one not at all', () => {
    const controller = new AbortController();
    const told: string[] = [];
    watchAbort(controller.signal, () => told.push('a'));
    const unwatch = watchAbort(controller.signal, () => told.push('b'));
    watchAbort(controller.signal, () => told.push('c'));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    unwatch();
    controller.abort(new Error('stop'));
    expect(told).toEqual(['a', 'c']);
  });

  test("on an owned controller's signal: watchers take no listener, and abort() tells them after the signal's own listeners", () => {
    const owned = ownedAbortController();
    const told: string[] = [];
    owned.signal.addEventListener('abort', () => told.push(`listener saw aborted=${owned.signal.aborted}`));
    watchAbort(owned.signal, () => told.push(`watcher saw reason=${(owned.signal.reason as Error).message}`));
    const unwatch = watchAbort(owned.signal, () => told.push('unwatched'));
    expect(getEventListeners(owned.signal, 'abort')).toHaveLength(1); // the test's own, none of watchAbort's
    unwatch();
    owned.abort(new Error('timed out'));
    owned.abort(new Error('again')); // a second abort changes nothing and tells no one twice
    expect(told).toEqual(['listener saw aborted=true', 'watcher saw reason=timed out']);
    expect((owned.signal.reason as Error).message).toBe('timed out');
  });

  test('a released controller serves the next attempt only when its signal never aborted and nothing is left on it', () => {
    const fresh = ownedAbortController();
    fresh.release();
    fresh.release(); // twice: still handed out once
    const reused = ownedAbortController();
    expect(reused.signal).toBe(fresh.signal);
    expect(ownedAbortController().signal).not.toBe(fresh.signal);

    const aborted = ownedAbortController();
    aborted.abort(new Error('timed out'));
    aborted.release();
    expect(ownedAbortController().signal).not.toBe(aborted.signal);

    const watched = ownedAbortController();
    watchAbort(watched.signal, () => undefined);
    watched.release();
    expect(ownedAbortController().signal).not.toBe(watched.signal);

    const listened = ownedAbortController();
    const onAbort = (): void => undefined;
    listened.signal.addEventListener('abort', onAbort);
    listened.release();
    expect(ownedAbortController().signal).not.toBe(listened.signal);
    // The control: once the listener is gone, the same controller is reused.
    listened.signal.removeEventListener('abort', onAbort);
    listened.release();
    const again = ownedAbortController();
    expect(again.signal).toBe(listened.signal);
    // Reused, it still aborts and tells its new watchers.
    const told: string[] = [];
    watchAbort(again.signal, () => told.push('told'));
    again.abort(new Error('late'));
    expect(told).toEqual(['told']);
    expect(again.signal.aborted).toBe(true);
  });
});
