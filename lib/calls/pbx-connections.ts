import type { AmiManager } from '../asterisk/ami-manager';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import type { CallTracking } from './call-tracking';

/**
 * One PBX this process talks to: its AMI manager and the call tracking fed by it. With several instances on
 * PostgreSQL one of them owns the PBX at a time; `owned` says whether this one does now (absent: always).
 */
export type PbxConnection = { manager: AmiManager; tracking: CallTracking; owned?: () => boolean };

/** Whether this process's connection to the PBX is the one that places and tracks its calls now. */
export function ownsPbx(connection: PbxConnection): boolean {
  return connection.owned?.() ?? true;
}
/** Every PBX this process talks to, by PBX name (empty when none is configured). */
export type PbxConnections = ReadonlyMap<string, PbxConnection>;

export type PickPbxConnectionOptions = { db: Db; connections: PbxConnections; trunkId: number };

/**
 * The PBX a call through this trunk leaves from: the trunk's PBX when this process is connected to it by that name,
 * else the only PBX (a single-PBX install keeps the trunks' default name). Asks the database only when there is a
 * choice, so a single-PBX click waits for nothing.
 */
export async function pickPbxConnection({
  db,
  connections,
  trunkId,
}: PickPbxConnectionOptions): Promise<PbxConnection> {
  if (connections.size === 0) throw new AppError('UNAVAILABLE', 'No PBX connection can place calls here');
  if (connections.size === 1) return connections.values().next().value!;
  const trunk = await db.trunk.findUnique({ where: { id: trunkId }, select: { pbxName: true } });
  const connection = trunk ? connections.get(trunk.pbxName) : undefined;
  if (!connection) throw new AppError('UNAVAILABLE', `The line's PBX "${trunk?.pbxName ?? '?'}" is not connected`);
  return connection;
}
