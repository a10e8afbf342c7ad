import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { getConfig } from '../config/load-config';
import { pgConnectionFor, sqliteFilePath, type DatabaseConfig } from './connection-config';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresqlClient } from './generated/postgresql/client';

export { Prisma } from './generated/sqlite/client';
export type * from './generated/sqlite/models';

/**
 * The database client. Both generated clients come from one schema (prisma/schema.prisma and its derived
 * PostgreSQL copy), so their APIs are the same: the SQLite client's type stands for both.
 */
export type Db = InstanceType<typeof SqliteClient>;

export type CreateDbOptions = { database: DatabaseConfig };

/** A new client for the given database. Most code wants `getDb()`; tests and scripts make their own. */
export function createDb({ database }: CreateDbOptions): Db {
  let db: Db;
  if (database.kind === 'sqlite') {
    const file = sqliteFilePath(database.file);
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    db = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: file }) });
  } else {
    const { schema, ...pool } = pgConnectionFor(database.url);
    db = new PostgresqlClient({ adapter: new PrismaPg(pool, schema ? { schema } : undefined) }) as unknown as Db;
  }
  dialects.set(db, database.kind);
  return db;
}

// On globalThis, like the app's client below: a Next.js server holds several copies of this module (one per bundle),
// and a client made by one copy's createDb is used by code bundled with another.
const dialects: WeakMap<Db, DatabaseConfig['kind']> = ((
  globalThis as typeof globalThis & { __dbDialects?: WeakMap<Db, DatabaseConfig['kind']> }
).__dbDialects ??= new WeakMap());

/** Which database a client talks to, for the few statements that differ (locks). */
export function dialectOf(db: Db): DatabaseConfig['kind'] {
  const dialect = dialects.get(db);
  if (!dialect) throw new Error('dialectOf: a client not made by createDb');
  return dialect;
}

const holder = globalThis as typeof globalThis & { __appDb?: Db };

/**
 * The process-wide client for the configured database. Kept on globalThis so that Next.js dev reloads and the
 * several bundles of one server process share one connection pool instead of opening one per module copy.
 */
export function getDb(): Db {
  return (holder.__appDb ??= createDb({ database: getConfig().database }));
}
