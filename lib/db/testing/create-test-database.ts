import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../client';
import type { DatabaseConfig } from '../connection-config';
import { applyMigrations } from '../migrate/apply-migrations';

export type TestDatabase = {
  database: DatabaseConfig;
  /** A client for it, opened lazily on first use. */
  db(): Db;
  /** Disconnects and deletes the database (the SQLite file's folder, or the PostgreSQL schema). */
  dispose(): Promise<void>;
};

export type CreateTestDatabaseOptions = {
  kind: DatabaseConfig['kind'];
  /** Apply the committed migrations (default true). */
  migrate?: boolean;
};

/**
 * A fresh, isolated database for one test file: a SQLite file in a temp folder, or a new schema in the
 * TEST_PG_URL database (which `npm run peers -- up` provides), so test files never see each other's rows.
 */
export async function createTestDatabase({ kind, migrate = true }: CreateTestDatabaseOptions): Promise<TestDatabase> {
  const { database, drop } = kind === 'sqlite' ? freshSqlite() : await freshPostgresqlSchema();
  if (migrate) await applyMigrations({ database });
  let client: Db | undefined;
  return {
    database,
    db: () => (client ??= createDb({ database })),
    async dispose() {
      await client?.$disconnect();
      await drop();
    },
  };
}

export function testPgUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url)
    throw new Error('TEST_PG_URL is not set: run `eval "$(npm run -s peers -- up)"` first (it starts PostgreSQL)');
  return url;
}

function freshSqlite(): { database: DatabaseConfig; drop: () => Promise<void> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'b24-db-'));
  return {
    database: { kind: 'sqlite', file: path.join(dir, 'test.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function freshPostgresqlSchema(): Promise<{ database: DatabaseConfig; drop: () => Promise<void> }> {
  const base = testPgUrl();
  const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  const drop = async () => {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await admin.end();
    }
  };
  return { database: { kind: 'postgresql', url: url.toString() }, drop };
}
