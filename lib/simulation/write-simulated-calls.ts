import type { Db } from '../db/client';
import type { RoutingSettings } from '../routing/types';
import type { SimulatedCall } from './simulate-day';

export type WriteSimulatedCallsOptions = {
  db: Db;
  portalId: number;
  seed: number;
  calls: readonly SimulatedCall[];
  settings: RoutingSettings;
};

/** Journal rows of a simulation are told apart by origin, pbxName and this linkedId prefix (no schema change). */
export const SIMULATION_ORIGIN = 'simulation';
export function simulationLinkedIdPrefix(portalId: number, seed: number): string {
  return `sim-${portalId}-${seed}-`;
}

const BATCH = 500;
const NORMAL_CLEARING = 16;
const NO_ANSWER = 19;
const CONGESTION = 34;

/** Replaces this seed's simulated calls in the journal: re-running a seed leaves one copy, other seeds stay. */
export async function writeSimulatedCalls({
  db,
  portalId,
  seed,
  calls,
  settings,
}: WriteSimulatedCallsOptions): Promise<number> {
  const prefix = simulationLinkedIdPrefix(portalId, seed);
  const dbTrunkIds = new Set(settings.trunks.map((t) => t.id));
  const rows = calls.map((call) => {
    const { decision } = call;
    const trunkId =
      decision.trunk && dbTrunkIds.has(decision.trunk.id) && /^\d+$/.test(decision.trunk.id)
        ? Number(decision.trunk.id)
        : null;
    return {
      portalId,
      linkedId: `${prefix}${call.sequence}`,
      direction: 'outbound',
      origin: SIMULATION_ORIGIN,
      extension: call.extension,
      userId: call.userId,
      number: decision.number.e164,
      carrierInn: decision.carrier?.inn ?? null,
      carrierSource: decision.carrier?.source ?? 'unknown',
      trunkId,
      trunkName: decision.trunk?.name ?? null,
      decision: JSON.parse(JSON.stringify(decision)),
      status: 'ended',
      hangupCause: !decision.trunk ? CONGESTION : call.talkSec > 0 ? NORMAL_CLEARING : NO_ANSWER,
      b24StatusCode: !decision.trunk ? '503' : call.talkSec > 0 ? '200' : '304',
      startedAt: new Date(call.startedAt),
      answeredAt: call.answeredAt === null ? null : new Date(call.answeredAt),
      endedAt: new Date(call.endedAt),
      durationSec: Math.round((call.endedAt - call.startedAt) / 1000),
      talkSec: call.talkSec,
      costKopecks: call.costKopecks,
      baselineCostKopecks: call.baselineCostKopecks,
      registered: false,
      registrationReason: SIMULATION_ORIGIN,
      pbxName: SIMULATION_ORIGIN,
    };
  });
  await db.$transaction(
    async (tx) => {
      await tx.call.deleteMany({ where: { portalId, origin: SIMULATION_ORIGIN, linkedId: { startsWith: prefix } } });
      for (let offset = 0; offset < rows.length; offset += BATCH)
        await tx.call.createMany({ data: rows.slice(offset, offset + BATCH) });
    },
    { timeout: 120_000 },
  );
  return rows.length;
}
