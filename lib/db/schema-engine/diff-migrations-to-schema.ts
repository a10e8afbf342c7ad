import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { readMigrations } from '../migrate/read-migrations';

export type DiffMigrationsToSchemaOptions = {
  engine: SchemaEngine;
  migrationsDir: string;
  schemaPath: string;
};

/**
 * The SQL that brings a database built by the committed migrations to what the schema declares — exactly what
 * `prisma migrate dev --create-only` would write (the engine replays the migrations on a shadow database).
 * Empty when the migrations are up to date.
 */
export async function diffMigrationsToSchema({
  engine,
  migrationsDir,
  schemaPath,
}: DiffMigrationsToSchemaOptions): Promise<string> {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const result = await engine.diff({
    from: {
      tag: 'migrations',
      baseDir: migrationsDir,
      lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
      shadowDbInitScript: '',
      migrationDirectories: readMigrations({ dir: migrationsDir }).map((m) => ({
        path: m.name,
        migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
      })),
    },
    to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = result.stdout ?? '';
  // An up-to-date history yields only the engine's "empty migration" comment.
  return /^\s*(--[^\n]*\n?\s*)*$/.test(sql) ? '' : sql;
}
