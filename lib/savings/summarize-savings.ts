import type { Trunk } from '../routing/types';
import { attributeLostSaving, type DecisionForSavings, type LostCause } from './attribute-lost-saving';

/** One journal call as the savings read it. */
export type CallForSavings = {
  talkSec: number | null;
  costKopecks: number | null;
  baselineCostKopecks: number | null;
  decision: DecisionForSavings | null;
};

export type SavingsSummary = {
  calls: number;
  /** Calls with talk time (the only ones that cost anything). */
  answered: number;
  cost: number;
  baselineCost: number;
  /**
   * baselineCost / cost: how many times cheaper than "everything through the default trunk"; null when nothing was
   * spent.
   */
  ratio: number | null;
  /** Share of answered calls that went on-net (through a line of the client's carrier group). */
  onNetShare: number | null;
  /** Kopecks the calls would have saved more had they gone on-net, by what stopped them. */
  lostTo: Record<LostCause, number>;
};

export type SummarizeSavingsOptions = { calls: Iterable<CallForSavings>; trunks: readonly Trunk[] };

/** Totals, ratio, on-net share and lost-saving breakdown over any set of journal calls. Pure. */
export function summarizeSavings({ calls, trunks }: SummarizeSavingsOptions): SavingsSummary {
  const summary: SavingsSummary = {
    calls: 0,
    answered: 0,
    cost: 0,
    baselineCost: 0,
    ratio: null,
    onNetShare: null,
    lostTo: { busy: 0, caps: 0, unknownCarrier: 0, noCarrierLine: 0 },
  };
  let onNet = 0;
  for (const call of calls) {
    summary.calls += 1;
    const talkSec = call.talkSec ?? 0;
    const cost = call.costKopecks ?? 0;
    summary.cost += cost;
    summary.baselineCost += call.baselineCostKopecks ?? cost;
    if (talkSec <= 0) continue;
    summary.answered += 1;
    if (call.decision?.onNet) onNet += 1;
    const lost = attributeLostSaving({ decision: call.decision, talkSec, costKopecks: cost, trunks });
    if (lost) summary.lostTo[lost.cause] += lost.kopecks;
  }
  summary.ratio = summary.cost > 0 ? round(summary.baselineCost / summary.cost, 2) : null;
  summary.onNetShare = summary.answered > 0 ? round(onNet / summary.answered, 3) : null;
  return summary;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
