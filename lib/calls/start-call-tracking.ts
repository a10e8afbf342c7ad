import { getAmiManagers } from '../asterisk/get-ami-managers';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import type { CallTrackerState } from './call-tracker-state';
import { CallTracking } from './call-tracking';
import { followCallChanges } from './follow-call-changes';
import type { PbxConnection, PbxConnections } from './pbx-connections';

const holder = globalThis as typeof globalThis & { __pbxConnections?: Map<string, PbxConnection> };

/**
 * Starts one AMI manager per configured PBX and the call tracking fed by it, once per process (globalThis, so
 * Next.js's module copies share them). Called from instrumentation.ts; CLIs and the first call placed call it too.
 */
export function startCallTracking(): PbxConnections {
  if (!holder.__pbxConnections) {
    const connections = new Map<string, PbxConnection>();
    // Tracking must listen before the first 'connected' so its re-sync runs on the very first login too.
    for (const [name, manager] of getAmiManagers()) {
      const tracking = new CallTracking({ manager, db: getDb() });
      followCallChanges({ tracking, db: getDb() });
      connections.set(name, { manager, tracking });
    }
    holder.__pbxConnections = connections;
  }
  return holder.__pbxConnections;
}

/** The live state of every PBX's tracking (what the SIM load is read from). */
export function trackedCallStates(): CallTrackerState[] {
  return [...startCallTracking().values()].map((connection) => connection.tracking.state);
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
