import { dialectOf, type Db } from './client';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * First statement of a transaction that reads before it writes. Prisma opens SQLite transactions with a deferred
 * BEGIN: the first read fixes a snapshot, and if another connection (the app's call tracking, the outbox, a CLI)
 * commits before this transaction's first write, that write cannot be upgraded and fails at once with SQLITE_BUSY —
 * Prisma's P1008 "Operation has timed out". A write first takes the write lock up front (waiting for other writers
 * within the busy timeout). It changes no row; on PostgreSQL it is a harmless no-op.
 */
export async function takeWriteLock(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe('UPDATE "Portal" SET "id" = "id" WHERE 1 = 0');
}

/**
 * takeWriteLock, and on PostgreSQL also a lock named `name` until the transaction ends. SQLite lets one writer in at a
 * time, so there the write lock is enough; PostgreSQL lets two transactions that read "the active row", demote it and
 * insert their own run side by side (under READ COMMITTED each demotes only what it saw), which would leave two rows
 * active. Transactions that must not interleave take the same name; they then run one after the other.
 */
export async function takeNamedWriteLock(tx: Tx, db: Db, name: string): Promise<void> {
  await takeWriteLock(tx);
  if (dialectOf(db) === 'postgresql') await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', name);
}
