import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database';
import { applyMigrations } from './apply-migrations';
import { openSqlConnection } from './open-sql-connection';
import { readMigrationStatus } from './read-migration-status';
import { migrationsDirFor, readMigrations } from './read-migrations';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'b24-migrations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A private copy of the committed migrations that a test may edit. */
function copyMigrations(kind: 'sqlite' | 'postgresql'): string {
  const dir = path.join(scratch, `${kind}-${Math.random().toString(36).slice(2)}`);
  cpSync(migrationsDirFor(kind), dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

describe.each(['sqlite', 'postgresql'] as const)('applyMigrations on %s', (kind) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase({ kind, migrate: false });
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('applies every committed migration once and records it as Prisma does', async () => {
    const committed = readMigrations({ dir: migrationsDirFor(kind) });
    const first = await applyMigrations({ database: test.database });
    expect(first).toEqual({ kind, applied: committed.map((m) => m.name), alreadyApplied: 0, total: committed.length });
    const second = await applyMigrations({ database: test.database });
    expect(second).toEqual({ kind, applied: [], alreadyApplied: committed.length, total: committed.length });

    const connection = await openSqlConnection({ database: test.database });
    const rows = await connection.query<Record<string, unknown>>('SELECT * FROM "_prisma_migrations"');
    await connection.close();
    expect(rows).toHaveLength(committed.length);
    expect(rows[0]).toMatchObject({
      migration_name: committed[0]!.name,
      checksum: committed[0]!.checksum,
      applied_steps_count: 1,
      logs: null,
      rolled_back_at: null,
    });
    expect(rows[0]!.finished_at).not.toBeNull();
    expect(String(rows[0]!.id)).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readMigrationStatus({ database: test.database })).toEqual({ applied: committed.length, pending: [] });
  });

  it('runs concurrent callers without applying anything twice', async () => {
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations({ database: test.database })));
    expect(results.flatMap((r) => r.applied).sort()).toEqual(
      readMigrations({ dir: migrationsDirFor(kind) }).map((m) => m.name),
    );
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const dir = copyMigrations(kind);
    await applyMigrations({ database: test.database, migrationsDir: dir });
    const [first] = readMigrations({ dir });
    appendFileSync(path.join(dir, first!.name, 'migration.sql'), '\n-- edited\n');
    await expect(applyMigrations({ database: test.database, migrationsDir: dir })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`Migration ${first!.name} was changed after it was applied`),
    });
  });

  it('rolls a failing migration back completely and records nothing for it', async () => {
    const dir = copyMigrations(kind);
    addMigration(
      dir,
      '29990101000000_broken',
      'CREATE TABLE "Half" ("id" INTEGER NOT NULL);\nINSERT INTO "NoSuchTable" VALUES (1);\n',
    );
    await expect(applyMigrations({ database: test.database, migrationsDir: dir })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('Migration 29990101000000_broken failed and was rolled back'),
    });
    const status = await readMigrationStatus({ database: test.database, migrationsDir: dir });
    expect(status.pending).toEqual(['29990101000000_broken']);
    const connection = await openSqlConnection({ database: test.database });
    const half =
      kind === 'sqlite'
        ? await connection.query(`SELECT 1 FROM sqlite_master WHERE name = 'Half'`)
        : await connection.query(
            `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'Half'`,
          );
    await connection.close();
    expect(half).toEqual([]);
  });

  it('applies a new migration on top of the existing ones', async () => {
    const dir = copyMigrations(kind);
    await applyMigrations({ database: test.database, migrationsDir: dir });
    addMigration(dir, '29990101000000_add_note', 'ALTER TABLE "Portal" ADD COLUMN "note" TEXT;\n');
    const result = await applyMigrations({ database: test.database, migrationsDir: dir });
    expect(result.applied).toEqual(['29990101000000_add_note']);
  });
});
