import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database';
import { applyMigrations } from './apply-migrations';
import { openSqlConnection } from './open-sql-connection';
import { migrationsDirFor, readMigrations } from './read-migrations';

const MIGRATION = 'number_overrides_per_portal';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'b24-overrides-migration-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The committed migrations up to (not including) the one that made overrides per portal. */
function migrationsBefore(kind: 'sqlite' | 'postgresql'): string {
  const dir = path.join(scratch, `${kind}-${Math.random().toString(36).slice(2)}`);
  for (const migration of readMigrations({ dir: migrationsDirFor(kind) })) {
    if (migration.name.endsWith(MIGRATION)) break;
    cpSync(path.join(migrationsDirFor(kind), migration.name), path.join(dir, migration.name), { recursive: true });
  }
  return dir;
}

describe.each(['sqlite', 'postgresql'] as const)('the per-portal overrides migration on %s', (kind) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase({ kind, migrate: false });
    await applyMigrations({ database: test.database, migrationsDir: migrationsBefore(kind) });
  });
  afterEach(async () => test.dispose());

  /** Rows as the global overrides were: one admin's, one learned. */
  async function seed(portals: { memberId: string; status: string }[]): Promise<void> {
    const sql = await openSqlConnection({ database: test.database });
    try {
      for (const { memberId, status } of portals)
        await sql.query(
          `INSERT INTO "Portal" ("memberId", "domain", "clientEndpoint", "accessToken", "refreshToken", "expiresAt",
             "status", "updatedAt") VALUES (?, 'x', '', '', '', CURRENT_TIMESTAMP, ?, CURRENT_TIMESTAMP)`,
          [memberId, status],
        );
      await sql.query(
        `INSERT INTO "NumberOverride" ("number", "inn", "source", "note", "expiresAt") VALUES
           ('79150000007', '7812014560', 'admin', 'проверено', NULL),
           ('79150000008', '7713076301', 'learned', 'HLR', CURRENT_TIMESTAMP)`,
      );
    } finally {
      await sql.close();
    }
  }

  const overrides = () =>
    test.db().numberOverride.findMany({
      select: { number: true, source: true, note: true, portal: { select: { memberId: true } } },
      orderBy: [{ number: 'asc' }, { portalId: 'asc' }],
    });

  it('keeps an admin override for every portal that routes; a learned one stays global', async () => {
    await seed([
      { memberId: 'a', status: 'active' },
      { memberId: 'b', status: 'active' },
      { memberId: 'gone', status: 'uninstalled' },
    ]);
    await applyMigrations({ database: test.database });
    expect(await overrides()).toEqual([
      { number: '79150000007', source: 'admin', note: 'проверено', portal: { memberId: 'a' } },
      { number: '79150000007', source: 'admin', note: 'проверено', portal: { memberId: 'b' } },
      { number: '79150000008', source: 'learned', note: 'HLR', portal: null },
    ]);
  });

  it('with no portal that routes, the admin overrides go to the local portal', async () => {
    await seed([{ memberId: 'gone', status: 'uninstalled' }]);
    await applyMigrations({ database: test.database });
    expect((await overrides()).map((row) => row.portal?.memberId ?? null)).toEqual(['local', null]);
    expect(await test.db().portal.findUnique({ where: { memberId: 'local' } })).toMatchObject({ status: 'local' });
  });
});
