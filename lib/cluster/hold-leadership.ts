import pg from 'pg';
import { pgConnectionFor } from '../db/connection-config';

/** Advisory-lock namespace (first key of the two-key form), so our locks never collide with another app's. */
export const LEADERSHIP_LOCK_NAMESPACE = 0x6232_3463;
/** application_name of a leadership connection: how the status page tells which instance holds which lock. */
export const LEADERSHIP_APP_PREFIX = 'b24cc-lead';

export type HoldLeadershipOptions = {
  /** PostgreSQL URL (Prisma's `?schema=` allowed: the lock name is scoped to it). */
  databaseUrl: string;
  /** What is led, e.g. `ami:main`: one holder at a time per name. */
  name: string;
  /** Who this instance is, shown on the status page. */
  instanceId: string;
  onGain: () => void;
  onLose: () => void;
  /** How often a standby retries and a leader proves its connection alive. */
  intervalMs?: number;
  log?: (line: string) => void;
};

export type Leadership = { isLeader(): boolean; stop(): Promise<void> };

/**
 * One holder of `name` among every app instance on the same PostgreSQL, by a session advisory lock on a connection of
 * its own. The lock lives exactly as long as that connection: when the holder's process dies, its socket closes and
 * the server frees the lock, so a standby's next try (every intervalMs) takes over. A holder that can no longer reach
 * the server (its heartbeat fails) steps down before anyone else can step up, so two never lead at once.
 */
export function holdLeadership(options: HoldLeadershipOptions): Leadership {
  const { databaseUrl, name, instanceId, onGain, onLose, intervalMs = 2_000, log = () => undefined } = options;
  const connection = pgConnectionFor(databaseUrl);
  const lockName = `${connection.schema ?? 'public'}:${name}`;
  let client: pg.Client | null = null;
  let leading = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const dropClient = async () => {
    const old = client;
    client = null;
    if (leading) {
      leading = false;
      onLose();
    }
    await old?.end().catch(() => undefined);
  };

  const connect = async (): Promise<pg.Client> => {
    const fresh = new pg.Client({
      connectionString: connection.connectionString,
      application_name: `${LEADERSHIP_APP_PREFIX} ${name} ${instanceId}`.slice(0, 63),
      keepAlive: true,
      connectionTimeoutMillis: intervalMs * 2,
      query_timeout: intervalMs * 2,
    });
    fresh.on('error', (error) => log(`[leadership ${name}] connection lost: ${error.message}`));
    await fresh.connect();
    return fresh;
  };

  const tick = async () => {
    try {
      client ??= await connect();
      if (leading) await client.query('SELECT 1');
      else {
        const { rows } = await client.query<{ got: boolean }>(
          'SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS got',
          [LEADERSHIP_LOCK_NAMESPACE, lockName],
        );
        if (rows[0]?.got && !stopped) {
          leading = true;
          log(`[leadership ${name}] ${instanceId} leads`);
          onGain();
        }
      }
    } catch (error) {
      log(`[leadership ${name}] ${instanceId}: ${(error as Error).message}; stepping down and retrying`);
      await dropClient();
    }
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
  };

  void tick();
  return {
    isLeader: () => leading,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await dropClient();
    },
  };
}
