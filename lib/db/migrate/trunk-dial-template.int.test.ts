import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDialTemplate } from '../../routing/dial-template/check-dial-template';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database';
import { applyMigrations } from './apply-migrations';
import { openSqlConnection } from './open-sql-connection';
import { migrationsDirFor, readMigrations } from './read-migrations';

const MIGRATION = 'trunk_dial_template';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'b24-dial-migration-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The committed migrations up to (not including) the one that gave lines a dial template. */
function migrationsBefore(kind: 'sqlite' | 'postgresql'): string {
  const dir = path.join(scratch, `${kind}-${Math.random().toString(36).slice(2)}`);
  for (const migration of readMigrations({ dir: migrationsDirFor(kind) })) {
    if (migration.name.endsWith(MIGRATION)) break;
    cpSync(path.join(migrationsDirFor(kind), migration.name), path.join(dir, migration.name), { recursive: true });
  }
  return dir;
}

describe.each(['sqlite', 'postgresql'] as const)('the dial template migration on %s', (kind) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase({ kind, migrate: false });
    await applyMigrations({ database: test.database, migrationsDir: migrationsBefore(kind) });
  });
  afterEach(async () => test.dispose());

  it('turns each endpoint into the template it was dialled as, PJSIP/{number}@<endpoint>', async () => {
    const sql = await openSqlConnection({ database: test.database });
    try {
      await sql.query(
        `INSERT INTO "Portal" ("memberId", "domain", "clientEndpoint", "accessToken", "refreshToken", "expiresAt",
           "updatedAt") VALUES ('a', 'x', '', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      );
      for (const [name, target] of [
        ['МТС', 'gw_mts'],
        ['Билайн', 'PJSIP/gw_beeline'],
        ['HR-1', 'pjsip/Beeline-GoIP'],
      ])
        await sql.query(
          `INSERT INTO "Trunk" ("portalId", "name", "lineNumber", "dialTarget", "updatedAt")
             VALUES (1, ?, ?, ?, CURRENT_TIMESTAMP)`,
          [name, name, target],
        );
    } finally {
      await sql.close();
    }
    await applyMigrations({ database: test.database });
    const rows = await test.db().trunk.findMany({ select: { name: true, dial: true }, orderBy: { id: 'asc' } });
    expect(rows).toEqual([
      { name: 'МТС', dial: 'PJSIP/{number}@gw_mts' },
      { name: 'Билайн', dial: 'PJSIP/{number}@gw_beeline' },
      { name: 'HR-1', dial: 'PJSIP/{number}@Beeline-GoIP' },
    ]);
    for (const row of rows) expect(checkDialTemplate(row.dial).ok).toBe(true);
  });
});
