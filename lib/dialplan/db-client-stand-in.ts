/**
 * What `lib/db/client` is inside the dialplan process's bundle (scripts/build-dialplan-process.ts swaps it in): that
 * process has no database client. Its database work runs in the app (loads-run-in-app.ts), so the bundle
 * leaves out Prisma and its query compiler — 9 MB of that process's heap, which every full collection there walked
 * while desk phones waited. The caches still key on a client, so getDb() returns a stand-in; touching it is a bug, and
 * says so at once instead of failing somewhere in Prisma.
 */
import type { Db } from '../db/client';

export type * from '../db/client';

const MESSAGE =
  'The dialplan process has no database client: wrap this database work with createDelegableLoad ' +
  'and list it in lib/dialplan/loads-run-in-app.ts';

const standIn = new Proxy(Object.freeze({}), {
  get(_target, property) {
    // Probed by await/Promise resolution and by util.inspect: not a use of the client.
    if (property === 'then' || typeof property === 'symbol') return undefined;
    throw new Error(`${MESSAGE} (db.${String(property)})`);
  },
}) as Db;

export function getDb(): Db {
  return standIn;
}

export function createDb(): Db {
  throw new Error(MESSAGE);
}

export function dialectOf(): never {
  throw new Error(MESSAGE);
}
