import type { DatabaseConfig } from '../connection-config';
import { readMigrationRecords, tableExists } from './migrations-table';
import { openSqlConnection } from './open-sql-connection';
import { migrationsDirFor, readMigrations } from './read-migrations';

export type MigrationStatus = { applied: number; pending: string[] };

export type ReadMigrationStatusOptions = { database: DatabaseConfig; migrationsDir?: string };

/** How far the database is behind the committed migrations; read-only (creates nothing). */
export async function readMigrationStatus({
  database,
  migrationsDir,
}: ReadMigrationStatusOptions): Promise<MigrationStatus> {
  const files = readMigrations({ dir: migrationsDir ?? migrationsDirFor(database.kind) });
  const connection = await openSqlConnection({ database });
  try {
    const records = (await tableExists(connection, '_prisma_migrations')) ? await readMigrationRecords(connection) : [];
    const done = new Set(records.filter((r) => r.finished && !r.rolledBack).map((r) => r.migrationName));
    return { applied: done.size, pending: files.filter((f) => !done.has(f.name)).map((f) => f.name) };
  } finally {
    await connection.close();
  }
}
