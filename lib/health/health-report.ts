import type { DbCheck } from '../db/check-db';

/*
 * The shape of GET /api/health, shared by the route, the overview page and the tests.
 * The database part is checkDb's answer as it is: one shape for the check and the report.
 */
export type DatabaseHealth = DbCheck;
export type AmiHealth = {
  name: string;
  host: string;
  port: number;
  ok: boolean;
  banner?: string;
  latencyMs?: number;
  error?: string;
  /** From the live AMI manager when it runs in this process (absent when only the greeting was probed). */
  connected?: boolean;
  since?: string;
  reconnects?: number;
  lastEventAgeMs?: number | null;
  /** Several instances on PostgreSQL: the one connected to this PBX now, and whether that is the one answering. */
  owner?: { instanceId: string | null; here: boolean };
  /**
   * The lines' gateways as the PBX reports them (device states: qualify, modems), when this process tracks the PBX.
   * An unreachable one is out of routing until it answers again; the PBX itself stays ok (the other lines carry on).
   */
  lines?: { line: string; reachable: boolean }[];
};
export type RegistryHealth = {
  ok: boolean;
  fileName?: string;
  sha256?: string;
  rows?: number;
  /** 'bundled' until an admin imports a registry file. */
  source?: string;
  portedNumbers?: number;
  loadedAt?: string;
  error?: string;
};
export type PortalsHealth = { ok: boolean; total: number; installed: number; error?: string };
/** Something that works now but will misroute calls; the status stays as it is. `code` keys the page's text. */
export type HealthWarning = { code: 'AMBIGUOUS_ROUTING_PORTAL'; message: string };

export type HealthReport = {
  status: 'ok' | 'degraded' | 'down';
  checkedAt: string;
  database: DatabaseHealth;
  ami: AmiHealth[];
  registry: RegistryHealth;
  portals: PortalsHealth;
  warnings: HealthWarning[];
};

/**
 * Without the database nothing works ("down", HTTP 503). A PBX that does not answer or a missing registry still
 * leaves the admin pages usable ("degraded", HTTP 200), so monitoring can tell the two apart.
 */
export function summariseHealth(
  parts: Omit<HealthReport, 'status' | 'checkedAt' | 'warnings'>,
  now = new Date(),
): HealthReport {
  const down = !parts.database.ok;
  const degraded = !parts.registry.ok || !parts.portals.ok || parts.ami.some((pbx) => !pbx.ok);
  const status = down ? 'down' : degraded ? 'degraded' : 'ok';
  return { status, checkedAt: now.toISOString(), ...parts, warnings: findWarnings(parts) };
}

/**
 * Several installed portals and no way to tell which one a desk phone belongs to: a call whose dialplan does not name
 * its portal (ROUTE_PORTAL) is refused and leaves through the PBX's default trunk.
 */
function findWarnings({ portals }: Pick<HealthReport, 'portals'>): HealthWarning[] {
  if (!portals.ok || portals.installed < 2) return [];
  const message =
    `${portals.installed} portals are installed: ` +
    'desk-phone calls that do not name theirs (ROUTE_PORTAL) take the default trunk';
  return [{ code: 'AMBIGUOUS_ROUTING_PORTAL', message }];
}
