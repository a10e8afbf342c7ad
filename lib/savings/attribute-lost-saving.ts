import type { RouteReason } from '../routing/route-reasons';
import type { Trunk } from '../routing/types';
import { priceCall } from './price-call';

/** Why a call that could have been on-net was not. */
export type LostCause = 'busy' | 'caps' | 'unknownCarrier' | 'noCarrierLine';

/** The parts of a journal decision the attribution reads (older rows may lack some). */
export type DecisionForSavings = {
  onNet?: boolean;
  carrier?: { groupId?: string } | null;
  trunk?: { id: string } | null;
  number?: { kind: string };
  reasons?: readonly RouteReason[];
};

export type AttributeLostSavingOptions = {
  decision: DecisionForSavings | null;
  talkSec: number;
  costKopecks: number;
  trunks: readonly Trunk[];
};

export type LostSaving = { cause: LostCause; kopecks: number } | null;

/**
 * How much cheaper this call would have been on-net, and what stopped it. Read from the decision's own reasons:
 * a carrier line busy / at its caps → 'busy' / 'caps'; a mobile number whose carrier we could not place in a group
 * → 'unknownCarrier'; a known group the caller's department has no line of → 'noCarrierLine' (a configuration gap).
 * The on-net price is that of the client's carrier line when one exists, else the chosen trunk's on-net tariff.
 * Landlines, on-net calls and unanswered calls lose nothing.
 */
export function attributeLostSaving({
  decision,
  talkSec,
  costKopecks,
  trunks,
}: AttributeLostSavingOptions): LostSaving {
  if (!decision || decision.onNet || !decision.trunk || !(talkSec > 0)) return null;
  const reasons = decision.reasons ?? [];
  const cause = causeOf(reasons, decision.number?.kind);
  if (!cause) return null;
  const groupId = decision.carrier?.groupId;
  const ideal =
    (groupId && trunks.find((t) => t.carrierGroupId === groupId && t.enabled)) ||
    trunks.find((t) => t.id === decision.trunk!.id);
  if (!ideal) return null;
  const kopecks = costKopecks - priceCall({ talkSec, onNet: true, tariff: ideal.tariff });
  return kopecks > 0 ? { cause, kopecks } : null;
}

function causeOf(reasons: readonly RouteReason[], kind: string | undefined): LostCause | null {
  const codes = new Set(reasons.map((r) => r.code));
  if (codes.has('carrierUnknown') || codes.has('carrierOutsideGroups')) return 'unknownCarrier';
  if (kind !== undefined && kind !== 'mobile') return null;
  if (codes.has('noCarrierTrunk')) return 'noCarrierLine';
  // The first refusal on the way is what pushed the call off its carrier line.
  for (const reason of reasons) {
    // SIMs out of rotation (blocked by the carrier) leave the line without a free SIM, as busy ones do.
    if (reason.code === 'busy' || reason.code === 'simsDisabled') return 'busy';
    if (reason.code === 'overCap') return 'caps';
  }
  // Otherwise the manager picked another line on purpose: not a loss the routing could have avoided.
  return null;
}
