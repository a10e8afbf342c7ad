import type { Db } from '../db/client';

/** A cache's database read (or its one write): what a process without a database client delegates. */
export type DatabaseLoad<K, V> = (db: Db, key: K) => Promise<V>;
/** Runs a delegated load somewhere else (the dialplan process sends it to the app, see lib/dialplan). */
export type LoadDelegate = (load: DatabaseLoad<unknown, unknown>, key: unknown) => Promise<unknown>;

const holder = globalThis as typeof globalThis & { __loadDelegate?: LoadDelegate };

/**
 * Wraps a cache's database load so that a process without a database client can hand it to another one: the load
 * itself runs here unless delegateLoads was called in this process. This module knows nothing of who the other
 * process is; lib/dialplan lists the loads that may be delegated and carries them across.
 */
export function createDelegableLoad<K, V>(load: DatabaseLoad<K, V>): DatabaseLoad<K, V> {
  return (db, key) => {
    const delegate = holder.__loadDelegate;
    return delegate ? (delegate(load as DatabaseLoad<unknown, unknown>, key) as Promise<V>) : load(db, key);
  };
}

/** Called once in a process without a database client: from now on its delegable loads run through `delegate`. */
export function delegateLoads(delegate: LoadDelegate): void {
  holder.__loadDelegate = delegate;
}

/** True in a process whose loads are delegated (it has no database client of its own). */
export function loadsAreDelegated(): boolean {
  return holder.__loadDelegate !== undefined;
}
