import type { Trunk } from '../routing/types';
import { summarizeSavings, type SavingsSummary } from '../savings/summarize-savings';
import type { SimulatedCall } from './simulate-day';

/** The one JSON line `npm run simulate` prints: the savings summary plus how many calls found no line at all. */
export type SimulationSummary = SavingsSummary & { blocked: number };

export function summarizeSimulation(calls: readonly SimulatedCall[], trunks: readonly Trunk[]): SimulationSummary {
  const summary = summarizeSavings({
    trunks,
    calls: calls.map((c) => ({
      talkSec: c.talkSec,
      costKopecks: c.costKopecks,
      baselineCostKopecks: c.baselineCostKopecks,
      decision: c.decision,
    })),
  });
  return { ...summary, blocked: calls.filter((c) => !c.decision.trunk).length };
}
