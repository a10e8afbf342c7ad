import { describe, expect, it } from 'vitest';
import { createNamedForget, listenToForgets, replayForget } from './create-named-forget';

describe('named forgets and their listeners (the dialplan process supervisor passes them on)', () => {
  it('forgets here and tells each listener once, until it stops listening', () => {
    const forgotten: number[] = [];
    const told: Array<[string, unknown]> = [];
    const forget = createNamedForget<number>('test-tell', (key) => forgotten.push(key));
    const stop = listenToForgets((name, key) => told.push([name, key]));
    forget(1);
    stop();
    forget(2);
    expect(forgotten).toEqual([1, 2]);
    expect(told).toEqual([['test-tell', 1]]);
  });

  it('replays a forget from another process by name, without telling the listeners back', () => {
    const forgotten: string[] = [];
    const told: unknown[] = [];
    createNamedForget<string>('test-replay', (key) => forgotten.push(key));
    const stop = listenToForgets((_name, key) => told.push(key));
    replayForget('test-replay', 'portal-7');
    replayForget('no-such-cache', 'x'); // a cache this process does not have: nothing to forget
    stop();
    expect(forgotten).toEqual(['portal-7']);
    expect(told).toEqual([]);
  });

  it('keeps forgetting here when a listener fails (a process that is restarting)', () => {
    const forgotten: number[] = [];
    const forget = createNamedForget<number>('test-failing-listener', (key) => forgotten.push(key));
    const stop = listenToForgets(() => {
      throw new Error('channel closed');
    });
    const errors = console.error;
    console.error = () => {};
    try {
      forget(1);
    } finally {
      console.error = errors;
      stop();
    }
    expect(forgotten).toEqual([1]);
  });
});
