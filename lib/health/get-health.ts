import { peekAmiManagers } from '../asterisk/get-ami-managers';
import { probeAmi } from '../asterisk/probe-ami';
import { lineReachability } from '../calls/line-reachability';
import { peekPbxConnections } from '../calls/start-call-tracking';
import { amiLeadershipName, thisInstanceId } from '../cluster/instance-identity';
import { listLeaders } from '../cluster/list-leaders';
import { getConfig } from '../config/load-config';
import { checkDb } from '../db/check-db';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { getNumberingData } from '../numbering/store';
import {
  summariseHealth,
  type AmiHealth,
  type HealthReport,
  type PortalsHealth,
  type RegistryHealth,
} from './health-report';

/** Gathers every part of /api/health in parallel; each part reports its own failure instead of throwing. */
export async function getHealth(): Promise<HealthReport> {
  const config = getConfig();
  const owners = await readAmiOwners(config);
  const [database, ami, registry, portals] = await Promise.all([
    checkDb(),
    Promise.all(config.pbxes.map((pbx) => checkPbx(pbx, owners))),
    checkRegistry(),
    countPortals(),
  ]);
  return summariseHealth({ database, ami, registry, portals });
}

/** Several instances on PostgreSQL: which instance holds each PBX's AMI session now (null: not a cluster). */
async function readAmiOwners(config: ReturnType<typeof getConfig>): Promise<Map<string, string> | null> {
  if (config.database.kind !== 'postgresql' || !peekAmiManagers()) return null;
  const leaders = await listLeaders({ databaseUrl: config.database.url }).catch(() => []);
  return new Map(leaders.map((leader) => [leader.name, leader.instanceId]));
}

/**
 * The live connection's state when this process runs the AMI manager; otherwise a greeting probe. In a cluster a PBX
 * another instance owns is fine when that instance is connected to it: this one stands by.
 */
async function checkPbx(
  pbx: { name: string; host: string; port: number },
  owners: Map<string, string> | null,
): Promise<AmiHealth> {
  const manager = peekAmiManagers()?.get(pbx.name);
  const ownerId = owners?.get(amiLeadershipName(pbx.name)) ?? null;
  const owner = owners ? { instanceId: ownerId, here: ownerId === thisInstanceId() } : undefined;
  if (owner && ownerId && !owner.here) return { name: pbx.name, host: pbx.host, port: pbx.port, ok: true, owner };
  if (manager) {
    const s = manager.status();
    return {
      name: s.name,
      host: s.host,
      port: s.port,
      ok: s.connected,
      banner: s.banner ?? undefined,
      error: s.lastError ?? undefined,
      connected: s.connected,
      since: new Date(s.since).toISOString(),
      reconnects: s.reconnects,
      lastEventAgeMs: s.lastEventAt === null ? null : Date.now() - s.lastEventAt,
      owner,
      lines: linesReachable(pbx.name),
    };
  }
  const probe = await probeAmi({ host: pbx.host, port: pbx.port });
  return {
    name: pbx.name,
    host: pbx.host,
    port: pbx.port,
    ok: probe.reachable,
    banner: probe.banner,
    latencyMs: probe.latencyMs,
    error: probe.error,
  };
}

/** Per line, reachable when any of its devices is (a modem group needs one modem), as the tracking last heard. */
function linesReachable(pbxName: string): AmiHealth['lines'] {
  const state = peekPbxConnections().get(pbxName)?.tracking.state;
  if (!state) return undefined;
  return [...lineReachability(state, Date.now())]
    .map(([line, reachable]) => ({ line, reachable }))
    .sort((a, b) => a.line.localeCompare(b.line));
}

async function checkRegistry(): Promise<RegistryHealth> {
  try {
    const { files, ported, loadedAt } = await getNumberingData();
    const rows = files.reduce((sum, file) => sum + file.rows, 0);
    return {
      ok: rows > 0,
      fileName: files.map((file) => file.fileName).join(', '),
      sha256: files[0]?.sha256,
      rows,
      source: files.map((file) => file.source).join(', '),
      portedNumbers: ported?.numbers ?? 0,
      loadedAt,
    };
  } catch (error) {
    return { ok: false, error: AppError.is(error) ? error.message : 'registry could not be loaded' };
  }
}

async function countPortals(): Promise<PortalsHealth> {
  try {
    const db = getDb();
    const [total, installed] = await Promise.all([db.portal.count(), db.portal.count({ where: { status: 'active' } })]);
    return { ok: true, total, installed };
  } catch (error) {
    return { ok: false, total: 0, installed: 0, error: (error as Error).message.split('\n')[0] };
  }
}
