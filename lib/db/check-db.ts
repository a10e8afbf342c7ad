import { getConfig } from '../config/load-config';
import { getDb, type Db } from './client';
import { migrationsDirFor, readMigrations } from './migrate/read-migrations';

export type DbCheck = {
  /** Reachable and no migration pending. */
  ok: boolean;
  kind: 'sqlite' | 'postgresql';
  latencyMs?: number;
  migrations?: { applied: number; pending: number };
  error?: string;
};

export type CheckDbOptions = { db?: Db; kind?: DbCheck['kind'] };

let committed: Map<DbCheck['kind'], string[]> | undefined;

/**
 * For /api/health: one round trip through the app's own client (so it checks what the app uses) plus the
 * migration bookkeeping. Never throws: a failure is reported as `ok: false` with the reason.
 */
export async function checkDb({ db, kind }: CheckDbOptions = {}): Promise<DbCheck> {
  const databaseKind = kind ?? getConfig().database.kind;
  try {
    const client = db ?? getDb();
    const started = performance.now();
    await client.$queryRawUnsafe('SELECT 1');
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    const applied = await appliedMigrations(client);
    committed ??= new Map();
    if (!committed.has(databaseKind))
      committed.set(
        databaseKind,
        readMigrations({ dir: migrationsDirFor(databaseKind) }).map((m) => m.name),
      );
    const pending = committed.get(databaseKind)!.filter((name) => !applied.has(name)).length;
    return {
      ok: pending === 0,
      kind: databaseKind,
      latencyMs,
      migrations: { applied: applied.size, pending },
      ...(pending ? { error: `${pending} migration(s) not applied: run npm run db:migrate` } : {}),
    };
  } catch (error) {
    return { ok: false, kind: databaseKind, error: (error as Error).message.split('\n')[0] };
  }
}

async function appliedMigrations(client: Db): Promise<Set<string>> {
  try {
    const rows = await client.$queryRawUnsafe<Array<{ migration_name: string }>>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return new Set(rows.map((r) => r.migration_name));
  } catch {
    return new Set(); // a database never migrated has no bookkeeping table yet
  }
}
