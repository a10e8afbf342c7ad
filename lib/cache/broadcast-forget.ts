import { BroadcastChannel } from 'node:worker_threads';

const holder = globalThis as typeof globalThis & { __forgetChannels?: Map<string, BroadcastChannel> };

/**
 * A "forget this key" signal that reaches every thread of the process: the dialplan listener runs in a worker with
 * its own caches, and a settings save in the main thread must reach them at once, not after their TTL. Returns the
 * function that forgets here and tells the other threads; `onForget` runs in every thread, this one included.
 */
export function createBroadcastForget<K>(name: string, onForget: (key: K) => void): (key: K) => void {
  const channels = (holder.__forgetChannels ??= new Map());
  let channel = channels.get(name);
  if (!channel) {
    channel = new BroadcastChannel(`b24cc:${name}`);
    // Never keeps a CLI or a test process alive.
    (channel as unknown as { unref(): void }).unref();
    channels.set(name, channel);
  }
  channel.onmessage = (event: unknown) => onForget((event as { data: K }).data);
  return (key) => {
    onForget(key);
    channel.postMessage(key);
  };
}
