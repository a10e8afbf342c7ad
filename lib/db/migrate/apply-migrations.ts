import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors/app-error';
import { pgConnectionFor, sqliteFilePath, type DatabaseConfig } from '../connection-config';
import { ensureMigrationsTable, readMigrationRecords, type MigrationRecord } from './migrations-table';
import { openSqlConnection, type SqlConnection } from './open-sql-connection';
import { migrationsDirFor, readMigrations, type MigrationFile } from './read-migrations';

export type ApplyMigrationsOptions = {
  database: DatabaseConfig;
  /** Defaults to the committed folder for the database's provider. */
  migrationsDir?: string;
  log?: (line: string) => void;
};

export type ApplyMigrationsResult = {
  kind: DatabaseConfig['kind'];
  /** Migrations applied by this run, in order. */
  applied: string[];
  /** Migrations that were already applied before this run. */
  alreadyApplied: number;
  total: number;
};

/** The key `prisma migrate` itself takes, so our step and Prisma's never run at the same time on one database. */
const PRISMA_ADVISORY_LOCK = 72707369;

/**
 * Brings the database up to the committed migrations, like `prisma migrate deploy`: each pending migration runs in
 * its own transaction together with its `_prisma_migrations` row, so a failure leaves nothing half-applied. Safe
 * to run again and from several processes at once. Refuses to touch a database whose history disagrees with the
 * files (an applied migration edited afterwards, or one that failed under Prisma's own tool).
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  if (options.database.kind === 'postgresql') return applyAll(options);
  // better-sqlite3 is synchronous: a second caller in this process waiting for the file lock would block the
  // thread the first one needs to finish. Callers in one process take turns; other processes wait on the lock.
  const key = sqliteFilePath(options.database.file);
  const run = (sqliteTurns.get(key) ?? Promise.resolve()).catch(() => {}).then(() => applyAll(options));
  sqliteTurns.set(key, run);
  try {
    return await run;
  } finally {
    if (sqliteTurns.get(key) === run) sqliteTurns.delete(key);
  }
}

const sqliteTurns = new Map<string, Promise<unknown>>();

async function applyAll({
  database,
  migrationsDir,
  log = () => {},
}: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const files = readMigrations({ dir: migrationsDir ?? migrationsDirFor(database.kind) });
  const connection = await openSqlConnection({ database });
  try {
    if (connection.kind === 'postgresql') {
      await connection.query('SELECT pg_advisory_lock(?)', [PRISMA_ADVISORY_LOCK]);
      const { schema } = pgConnectionFor((database as { url: string }).url);
      if (schema) await connection.execScript(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } else {
      // WAL lets the app read while the worker writes; the mode is stored in the file, so setting it once is enough.
      await connection.query('PRAGMA journal_mode = WAL');
    }
    await ensureMigrationsTable(connection);
    const before = await readMigrationRecords(connection);
    assertHistoryMatches(before, files);
    const done = new Set(before.filter((r) => r.finished && !r.rolledBack).map((r) => r.migrationName));
    const applied: string[] = [];
    for (const file of files.filter((f) => !done.has(f.name))) {
      if (await applyOne(connection, file)) {
        applied.push(file.name);
        log(`applied ${file.name}`);
      }
    }
    return { kind: database.kind, applied, alreadyApplied: files.length - applied.length, total: files.length };
  } finally {
    if (connection.kind === 'postgresql')
      await connection.query('SELECT pg_advisory_unlock(?)', [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await connection.close();
  }
}

function assertHistoryMatches(records: MigrationRecord[], files: MigrationFile[]): void {
  const failed = records.find((r) => !r.finished && !r.rolledBack);
  if (failed) {
    throw new AppError(
      'CONFLICT',
      `Migration ${failed.migrationName} failed earlier and was never rolled back: repair the database, then ` +
        `mark it rolled back (prisma migrate resolve --rolled-back ${failed.migrationName})`,
    );
  }
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const record of records.filter((r) => r.finished && !r.rolledBack)) {
    const file = byName.get(record.migrationName);
    if (file && file.checksum !== record.checksum) {
      throw new AppError(
        'CONFLICT',
        `Migration ${record.migrationName} was changed after it was applied (checksum differs): restore the ` +
          `file and add a new migration instead`,
      );
    }
  }
}

/** Returns false when another process applied the migration first. */
async function applyOne(connection: SqlConnection, file: MigrationFile): Promise<boolean> {
  // IMMEDIATE takes SQLite's write lock up front, so the "already applied?" check and the work are one step.
  await connection.execScript(connection.kind === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN');
  try {
    const existing = await connection.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND ` +
        `rolled_back_at IS NULL`,
      [file.name],
    );
    if (existing.length > 0) {
      await connection.execScript('ROLLBACK');
      return false;
    }
    await connection.execScript(file.sql);
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, ` +
        `applied_steps_count) VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)`,
      [randomUUID(), file.checksum, file.name],
    );
    await connection.execScript('COMMIT');
    return true;
  } catch (error) {
    await connection.execScript('ROLLBACK').catch(() => {});
    if (AppError.is(error)) throw error;
    throw new AppError('UNAVAILABLE', `Migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
  }
}
