/**
 * `npm run db:migrate`: applies the committed migrations to the configured database (DATABASE_URL; SQLite in
 * ./data by default) and prints one line. Prisma's `migrate deploy` would do the same where its native schema
 * engine can be installed; this step needs none (lib/db/migrate/apply-migrations.ts).
 */
import { AppError } from '../../lib/errors/app-error';
import { loadConfig } from '../../lib/config/load-config';
import { applyMigrations } from '../../lib/db/migrate/apply-migrations';

try {
  const { database } = loadConfig();
  const where =
    database.kind === 'sqlite' ? database.file : new URL(database.url).host + new URL(database.url).pathname;
  const result = await applyMigrations({ database });
  const what = result.applied.length ? `applied ${result.applied.length} (${result.applied.join(', ')})` : 'up to date';
  console.log(`[db:migrate] ${result.kind} ${where}: ${what}; ${result.total} migration(s) in total`);
} catch (error) {
  console.error(`[db:migrate] ${AppError.is(error) ? error.message : (error as Error).stack}`);
  process.exit(1);
}
