import { BroadcastChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createBroadcastForget, receiveForget, relayForgets } from './broadcast-forget';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('broadcast forgets and their relay to the dialplan process', () => {
  it('relays each forget this thread sees exactly once: its own, and one broadcast by another thread', async () => {
    const forgotten: number[] = [];
    const relayed: Array<[string, unknown]> = [];
    const forget = createBroadcastForget<number>('test-relay', (key) => forgotten.push(key));
    const stop = relayForgets((name, key) => relayed.push([name, key]));
    try {
      forget(1);
      // Another thread's forget arrives by the channel (a second channel of the same name stands in for that thread).
      const otherThread = new BroadcastChannel('b24cc:test-relay');
      otherThread.postMessage(2);
      await settle();
      otherThread.close();
      expect(forgotten).toEqual([1, 2]);
      expect(relayed).toEqual([
        ['test-relay', 1],
        ['test-relay', 2],
      ]);
    } finally {
      stop();
    }
    forget(3);
    expect(relayed).toHaveLength(2);
  });

  it('handles a relayed forget where it arrives, without relaying it back', () => {
    const forgotten: string[] = [];
    const relayed: unknown[] = [];
    createBroadcastForget<string>('test-receive', (key) => forgotten.push(key));
    const stop = relayForgets((_name, key) => relayed.push(key));
    receiveForget('test-receive', 'portal-7');
    receiveForget('no-such-cache', 'x'); // a cache this process does not have: nothing to forget
    stop();
    expect(forgotten).toEqual(['portal-7']);
    expect(relayed).toEqual([]);
  });

  it('keeps forgetting here when the relay fails (a process that is restarting)', () => {
    const forgotten: number[] = [];
    const forget = createBroadcastForget<number>('test-failing-relay', (key) => forgotten.push(key));
    const stop = relayForgets(() => {
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
