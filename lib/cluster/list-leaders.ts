import pg from 'pg';
import { pgConnectionFor } from '../db/connection-config';
import { LEADERSHIP_APP_PREFIX, LEADERSHIP_LOCK_NAMESPACE } from './hold-leadership';

export type ListLeadersOptions = { databaseUrl: string };
export type LeaderRow = { name: string; instanceId: string; since: Date | null };

/**
 * Who holds which leadership now, read from the server's own lock table: a row exists only while the holder's
 * connection is alive, so this can never show a dead instance as the owner.
 */
export async function listLeaders({ databaseUrl }: ListLeadersOptions): Promise<LeaderRow[]> {
  const connection = pgConnectionFor(databaseUrl);
  const client = new pg.Client({ connectionString: connection.connectionString, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ application_name: string; backend_start: Date | null }>(
      `SELECT a.application_name, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::int::oid AND l.objsubid = 2
          AND a.application_name LIKE $2`,
      [LEADERSHIP_LOCK_NAMESPACE, `${LEADERSHIP_APP_PREFIX} %`],
    );
    return rows
      .map((row) => {
        const [, name = '', instanceId = ''] = row.application_name.split(' ');
        return { name, instanceId, since: row.backend_start };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    await client.end();
  }
}
