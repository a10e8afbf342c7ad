import { getAmiManagers, stopAmiManagers } from '../asterisk/get-ami-managers';
import { holdLeadership, type Leadership } from '../cluster/hold-leadership';
import { amiLeadershipName } from '../cluster/instance-identity';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { log } from '../log/log';
import type { CallTrackerState } from './call-tracker-state';
import { CallTracking } from './call-tracking';
import { followCallChanges } from './follow-call-changes';
import { ownsPbx, type PbxConnection, type PbxConnections } from './pbx-connections';

/** Several app instances on one PostgreSQL: each PBX is connected by one of them at a time. */
export type ClusterOptions = { databaseUrl: string; instanceId: string; intervalMs?: number };
export type StartCallTrackingOptions = { cluster?: ClusterOptions };

const holder = globalThis as typeof globalThis & {
  __pbxConnections?: Map<string, PbxConnection>;
  __pbxLeaderships?: Leadership[];
};

/**
 * Starts one AMI manager per configured PBX and the call tracking fed by it, once per process (globalThis, so
 * Next.js's module copies share them). Called from instrumentation.ts; CLIs and the first call placed call it too.
 * With `cluster` (instrumentation.ts on PostgreSQL) a PBX is connected only while this instance holds its leadership:
 * two instances tracking one PBX would journal and finish every call twice.
 */
export function startCallTracking(options: StartCallTrackingOptions = {}): PbxConnections {
  if (!holder.__pbxConnections) {
    const { cluster } = options;
    const connections = new Map<string, PbxConnection>();
    // Tracking must listen before the first 'connected' so its re-sync runs on the very first login too.
    for (const [name, manager] of getAmiManagers({ start: !cluster })) {
      const tracking = new CallTracking({ manager, db: getDb() });
      followCallChanges({ tracking, db: getDb() });
      if (!cluster) {
        connections.set(name, { manager, tracking });
        continue;
      }
      const leadership = holdLeadership({
        databaseUrl: cluster.databaseUrl,
        name: amiLeadershipName(name),
        instanceId: cluster.instanceId,
        intervalMs: cluster.intervalMs,
        onGain: () => {
          log.info('cluster: this instance owns the PBX now', { pbx: name, instance: cluster.instanceId });
          manager.start();
        },
        onLose: () => {
          log.warn('cluster: this instance no longer owns the PBX', { pbx: name, instance: cluster.instanceId });
          manager.stop();
          tracking.forgetLiveCalls();
        },
        log: (line) => log.warn(line),
      });
      (holder.__pbxLeaderships ??= []).push(leadership);
      connections.set(name, { manager, tracking, owned: () => leadership.isLeader() });
    }
    holder.__pbxConnections = connections;
  }
  return holder.__pbxConnections;
}

/** The connections started so far, without starting any (readers that run on a timer from the start). */
export function peekPbxConnections(): PbxConnections {
  return holder.__pbxConnections ?? new Map();
}

/** The PBXes whose calls this instance places and tracks now (every configured one outside a cluster). */
export function ownedPbxNames(): string[] {
  return [...startCallTracking()].filter(([, connection]) => ownsPbx(connection)).map(([name]) => name);
}

/** Whether some configured PBX is owned by another instance now: its live calls are read from the journal. */
export function someCallsTrackedElsewhere(): boolean {
  return [...startCallTracking().values()].some((connection) => !ownsPbx(connection));
}

/** The live state of the tracking of every PBX this instance owns (what the SIM load is read from). */
export function trackedCallStates(): CallTrackerState[] {
  return [...startCallTracking().values()].filter(ownsPbx).map((connection) => connection.tracking.state);
}

/** Ends the leaderships and the AMI sessions (tests, shutdown): another instance takes the PBXes over at once. */
export async function stopCallTracking(): Promise<void> {
  await Promise.all((holder.__pbxLeaderships ?? []).map((leadership) => leadership.stop()));
  holder.__pbxLeaderships = undefined;
  stopAmiManagers();
  holder.__pbxConnections = undefined;
}

/** One PBX's connection (the only one when name is omitted and one PBX is configured). */
export function getPbxConnection(name?: string): PbxConnection {
  const all = startCallTracking();
  const found = name ? all.get(name) : all.size === 1 ? all.values().next().value : undefined;
  if (!found)
    throw new AppError(
      'NOT_FOUND',
      name ? `PBX "${name}" is not configured` : 'Name the PBX: several (or none) are configured',
    );
  return found;
}
