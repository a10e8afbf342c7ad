import type { AppConfig } from '../config/load-config';
import { sqliteFilePath } from '../db/connection-config';
import { claimSqliteInstance } from './claim-sqlite-instance';

/**
 * For the server's start: on SQLite, one server per database file; a second one ends with one line saying why and
 * what to do. PostgreSQL takes several instances.
 */
export function claimServerInstanceOrExit(config: AppConfig): void {
  if (config.database.kind !== 'sqlite' || config.database.file === ':memory:') return;
  const claim = claimSqliteInstance({ databaseFile: sqliteFilePath(config.database.file) });
  if (claim.ok) return;
  process.stderr.write(
    `SQLite serves one app instance, and process ${claim.holderPid} already runs on ${config.database.file}: ` +
      'stop it, or use PostgreSQL (DATABASE_URL=postgresql://…) for several instances.\n',
  );
  process.exit(1);
}
