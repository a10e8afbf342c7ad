import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrationsDirFor, schemaPathFor } from '../migrate/read-migrations';
import { testPgUrl } from '../testing/create-test-database';
import { createPgSchemaEngineAdapter } from './create-pg-schema-engine-adapter';
import { createSchemaEngine } from './create-schema-engine';
import { createSqliteSchemaEngineAdapter } from './create-sqlite-schema-engine-adapter';
import { diffMigrationsToSchema } from './diff-migrations-to-schema';

/**
 * Prisma's own verdict, next to our drift check: its schema engine replays the committed migrations on a shadow
 * database and diffs the result against the schema. Anything but an empty script means a migration is missing
 * (`npx tsx scripts/db/create-migration.ts <name>` writes it).
 */
describe("Prisma's schema engine on the committed migrations", () => {
  it('finds nothing left to migrate on SQLite', async () => {
    const engine = await createSchemaEngine({ adapter: createSqliteSchemaEngineAdapter() });
    try {
      expect(
        await diffMigrationsToSchema({
          engine,
          migrationsDir: migrationsDirFor('sqlite'),
          schemaPath: schemaPathFor('sqlite'),
        }),
      ).toBe('');
    } finally {
      engine.free();
    }
  });

  it(
    'finds nothing left to migrate on PostgreSQL (needs a role that may ' + 'create the shadow database)',
    async (context) => {
      const client = new pg.Client({ connectionString: testPgUrl() });
      await client.connect();
      const { rows } = await client.query<{ rolcreatedb: boolean; rolsuper: boolean }>(
        'SELECT rolcreatedb, rolsuper FROM pg_roles WHERE rolname = current_user',
      );
      await client.end();
      if (!rows[0]?.rolcreatedb && !rows[0]?.rolsuper) context.skip('the TEST_PG_URL role lacks CREATEDB');
      const engine = await createSchemaEngine({
        adapter: createPgSchemaEngineAdapter({ connectionString: testPgUrl() }),
      });
      try {
        expect(
          await diffMigrationsToSchema({
            engine,
            migrationsDir: migrationsDirFor('postgresql'),
            schemaPath: schemaPathFor('postgresql'),
          }),
        ).toBe('');
      } finally {
        engine.free();
      }
    },
  );

  it('writes the SQL for a schema change, as `prisma migrate dev` would', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'b24-schema-'));
    const edited = readFileSync(schemaPathFor('sqlite'), 'utf8').replace(
      '  lastError     String?\n',
      '  lastError     String?\n  lastErrorAt   DateTime?\n',
    );
    writeFileSync(path.join(dir, 'schema.prisma'), edited);
    const engine = await createSchemaEngine({ adapter: createSqliteSchemaEngineAdapter() });
    try {
      const sql = await diffMigrationsToSchema({
        engine,
        migrationsDir: migrationsDirFor('sqlite'),
        schemaPath: path.join(dir, 'schema.prisma'),
      });
      expect(sql).toBe('-- AlterTable\nALTER TABLE "OutboxMessage" ADD COLUMN "lastErrorAt" DATETIME;\n');
    } finally {
      engine.free();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
