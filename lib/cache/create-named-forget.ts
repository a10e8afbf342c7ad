import { log } from '../log/log';

type Forget = (key: unknown) => void;
/** Told of every forget made in this process (the dialplan process's supervisor passes them on). */
type ForgetListener = (name: string, key: unknown) => void;
const holder = globalThis as typeof globalThis & {
  __forgetHandlers?: Map<string, Forget>;
  __forgetListeners?: Set<ForgetListener>;
};
// On globalThis: Next bundles a module more than once, and every copy must reach the same handlers and listeners.
const handlers = (holder.__forgetHandlers ??= new Map());
const listeners = (holder.__forgetListeners ??= new Set());

/**
 * A "forget this key" signal with a name, so that it can be passed to another process that keeps its own copy of the
 * cache (the dialplan process, see lib/dialplan/README.md) and replayed there by name. Returns the function that
 * forgets here and tells the listeners; `onForget` is what a forget of this name does in this process.
 */
export function createNamedForget<K>(name: string, onForget: (key: K) => void): (key: K) => void {
  handlers.set(name, onForget as Forget);
  return (key) => {
    onForget(key);
    tellListeners(name, key);
  };
}

/** Every forget made in this process from now on is also given to `listener`. Returns the stop. */
export function listenToForgets(listener: ForgetListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A forget made in another process, done here by its name; not told to the listeners (it came from one). */
export function replayForget(name: string, key: unknown): void {
  handlers.get(name)?.(key);
}

function tellListeners(name: string, key: unknown): void {
  for (const listener of listeners) {
    try {
      listener(name, key);
    } catch (error) {
      // A process that is restarting misses this forget; it starts with empty caches anyway.
      log.error('cache: could not pass on a forget', { name, error });
    }
  }
}
