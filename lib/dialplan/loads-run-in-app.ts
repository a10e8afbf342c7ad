import type { Db } from '../db/client';
import { AppError, type AppErrorCode } from '../errors/app-error';

/** A database read the dialplan process has the app's main thread run for it (by name: functions cannot cross processes). */
export type NamedLoad<K, V> = (db: Db, key: K) => Promise<V>;
/** How a thread that must not read the database itself gets a named load run elsewhere (the dialplan process's link). */
export type LoadElsewhere = (name: string, key: unknown) => Promise<unknown>;
/** An AppError as it crosses a thread: structured cloning keeps an error's message but not its class. */
export type CrossingError = { appError?: { code: AppErrorCode; message: string; fields?: Record<string, string> }; message: string };

const holder = globalThis as typeof globalThis & { __namedLoads?: Map<string, NamedLoad<unknown, unknown>>; __loadElsewhere?: LoadElsewhere };
/** On globalThis: Next bundles a module more than once, and every copy must register into (and read) the same table. */
const loads = (holder.__namedLoads ??= new Map());

/**
 * Registers a cache's database read under a name and returns the read this thread should use: the read itself, or —
 * in the dialplan process — a request to the app's main thread to run it. Why: a Prisma query holds the event loop of
 * the thread that runs it for milliseconds (query compilation, the SQLite driver), and in the dialplan process that
 * loop is the one answering desk phones — every cache refresh there (SIM usage each second, settings each 30 s) would
 * set the endpoint's tail. The answer crosses back as a structured clone (Maps, Sets and Dates survive), which costs
 * the dialplan process microseconds. That process has no database client at all (lib/db/client-in-dialplan-process.ts),
 * so its one write — a lookup service's answer — is registered here too.
 */
export function loadOnMainThread<K, V>(name: string, load: NamedLoad<K, V>): NamedLoad<K, V> {
  loads.set(name, load as NamedLoad<unknown, unknown>);
  return (db, key) => (holder.__loadElsewhere ? (holder.__loadElsewhere(name, key) as Promise<V>) : load(db, key));
}

/** Called once in the dialplan process: from now on its registered loads run where `elsewhere` sends them. */
export function sendLoadsElsewhere(elsewhere: LoadElsewhere): void {
  holder.__loadElsewhere = elsewhere;
}

/** True in the dialplan process: its database work runs in the app (it has no database client of its own). */
export function loadsRunElsewhere(): boolean {
  return holder.__loadElsewhere !== undefined;
}

/** The main thread's side: runs the load registered under `name` on its own database client. */
export function runNamedLoad(name: string, key: unknown, db: Db): Promise<unknown> {
  const load = loads.get(name);
  if (!load) return Promise.reject(new Error(`No load named "${name}" in this thread`));
  return load(db, key);
}

export function toCrossingError(error: unknown): CrossingError {
  const message = error instanceof Error ? error.message : String(error);
  return AppError.is(error) ? { appError: { code: error.code, message, fields: error.fields }, message } : { message };
}

export function fromCrossingError(error: CrossingError): Error {
  return error.appError ? new AppError(error.appError.code, error.appError.message, error.appError.fields) : new Error(error.message);
}
