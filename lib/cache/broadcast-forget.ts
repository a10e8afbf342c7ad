import { BroadcastChannel } from 'node:worker_threads';
import { log } from '../log/log';

type Forget = (key: unknown) => void;
/** Where this process's forgets are also sent: the dialplan process (see relayForgets). */
type Relay = (name: string, key: unknown) => void;
const holder = globalThis as typeof globalThis & {
  __forgetChannels?: Map<string, BroadcastChannel>;
  __forgetHandlers?: Map<string, Forget>;
  __forgetRelays?: Set<Relay>;
};
// On globalThis: Next bundles a module more than once, and every copy must share one channel per name.
const channels = (holder.__forgetChannels ??= new Map());
const handlers = (holder.__forgetHandlers ??= new Map());
const relays = (holder.__forgetRelays ??= new Set());

/**
 * A "forget this key" signal that reaches every thread of the process, and the dialplan listener's own process: it has
 * its own caches, and a settings save in the app must reach them at once, not after their TTL. Returns the function
 * that forgets here and tells the others; `onForget` runs in every thread, this one included.
 */
export function createBroadcastForget<K>(name: string, onForget: (key: K) => void): (key: K) => void {
  let channel = channels.get(name);
  if (!channel) {
    channel = new BroadcastChannel(`b24cc:${name}`);
    // Never keeps a CLI or a test process alive.
    (channel as unknown as { unref(): void }).unref();
    channels.set(name, channel);
  }
  handlers.set(name, onForget as Forget);
  // A forget from another thread reaches this one by the channel, one of this thread's own by the call below: either
  // way exactly once, so each is relayed exactly once.
  channel.onmessage = (event: unknown) => {
    const key = (event as { data: K }).data;
    onForget(key);
    relay(name, key);
  };
  return (key) => {
    onForget(key);
    channel.postMessage(key);
    relay(name, key);
  };
}

/** The app's side of the dialplan process: every forget this thread sees is sent there too. Returns the stop. */
export function relayForgets(send: Relay): () => void {
  relays.add(send);
  return () => relays.delete(send);
}

/** The dialplan process's side: a forget relayed from the app, handled as if it had been broadcast here. */
export function receiveForget(name: string, key: unknown): void {
  handlers.get(name)?.(key);
}

function relay(name: string, key: unknown): void {
  for (const send of relays) {
    try {
      send(name, key);
    } catch (error) {
      // A process that is restarting misses this forget; it starts with empty caches anyway.
      log.error('cache: could not relay a forget', { name, error });
    }
  }
}
