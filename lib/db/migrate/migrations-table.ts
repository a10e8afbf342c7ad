import type { SqlConnection } from './open-sql-connection';

/** Prisma's own bookkeeping table, created exactly as `prisma migrate` creates it, so either tool can take over. */
const createTableSql: Record<SqlConnection['kind'], string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

export type MigrationRecord = {
  migrationName: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
};

export async function ensureMigrationsTable(connection: SqlConnection): Promise<void> {
  await connection.execScript(createTableSql[connection.kind]);
}

export async function tableExists(connection: SqlConnection, table: string): Promise<boolean> {
  const rows =
    connection.kind === 'sqlite'
      ? await connection.query(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [table])
      : await connection.query(
          `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?`,
          [table],
        );
  return rows.length > 0;
}

export async function readMigrationRecords(connection: SqlConnection): Promise<MigrationRecord[]> {
  const rows = await connection.query<{
    migration_name: string;
    checksum: string;
    finished_at: unknown;
    rolled_back_at: unknown;
  }>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY ` +
      `started_at, migration_name`,
  );
  return rows.map((row) => ({
    migrationName: row.migration_name,
    checksum: row.checksum,
    finished: row.finished_at !== null,
    rolledBack: row.rolled_back_at !== null,
  }));
}
