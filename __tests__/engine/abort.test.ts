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
});
