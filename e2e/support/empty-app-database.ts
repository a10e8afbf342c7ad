/**
 * Empties the e2e app database (SQLite) so a run starts from nothing: before the app server starts (otherwise it
 * would load the last run's registry and ported numbers into its caches before global setup empties the tables) and
 * again in global setup. Run as a script with DATABASE_URL set, or imported.
 */
import { loadConfig } from '../../lib/config/load-config';
import type { DatabaseConfig } from '../../lib/db/connection-config';
import { openSqlConnection } from '../../lib/db/migrate/open-sql-connection';
import { assertLocalDatabase } from './assert-local-database';

export async function emptyAppDatabase(database: DatabaseConfig): Promise<void> {
  if (database.kind !== 'sqlite') return;
  const connection = await openSqlConnection({ database });
  try {
    const tables = await connection.query<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    const drops = tables.map(({ name }) => `DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}";`).join('\n');
    await connection.execScript(`PRAGMA foreign_keys = OFF;\n${drops}\nPRAGMA foreign_keys = ON;`);
  } finally {
    await connection.close();
  }
}

if (process.argv[1]?.endsWith('empty-app-database.ts')) {
  assertLocalDatabase(process.env.DATABASE_URL);
  await emptyAppDatabase(loadConfig().database);
}
