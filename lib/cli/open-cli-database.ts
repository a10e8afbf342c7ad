import { getConfigOrExit } from '../config/exit-on-bad-config';
import { getDb, type Db } from '../db/client';
import { applyMigrations } from '../db/migrate/apply-migrations';
import { readMigrationStatus } from '../db/migrate/read-migration-status';

export type OpenCliDatabaseOptions = { log?: (line: string) => void; exit?: (code: number) => never };

/**
 * The admin CLIs' database: an embedded (SQLite) one is brought up to the committed migrations first, as
 * `npm run app` would; a PostgreSQL one that is behind is left alone — migrating a shared database is the operator's
 * decision — and the CLI ends with one line naming the command to run.
 */
export async function openCliDatabase(options: OpenCliDatabaseOptions = {}): Promise<Db> {
  const { log = (line) => process.stderr.write(`${line}\n`), exit = (code) => process.exit(code) } = options;
  const { database } = getConfigOrExit();
  if (database.kind === 'sqlite') {
    const result = await applyMigrations({ database });
    if (result.applied.length > 0) log(`[db] ${database.file}: applied ${result.applied.length} migration(s) first`);
    return getDb();
  }
  const status = await readMigrationStatus({ database });
  if (status.pending.length > 0) {
    log(
      `База данных не обновлена (${status.pending.length} миграций): выполните npm run db:migrate / ` +
        `The database is ${status.pending.length} migration(s) behind: run npm run db:migrate`,
    );
    exit(1);
  }
  return getDb();
}
