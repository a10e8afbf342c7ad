import type { Db } from '../db/client';
import { loadRoutingSettings } from '../routing/settings/load-routing-settings';
import type { SimCaps } from '../routing/types';
import type { DecisionForSavings } from './attribute-lost-saving';
import { dayOf, startedWithin, type DateRange } from './parse-date-range';
import { summarizeSavings, type SavingsSummary } from './summarize-savings';

export type TrunkSavings = {
  trunkId: number | null;
  name: string;
  calls: number;
  answered: number;
  minutes: number;
  onNetCalls: number;
  cost: number;
  baselineCost: number;
};
/** One SIM's use on its busiest day in the range against the per-day caps (the caps a carrier blocks on). */
export type SimSavings = {
  trunkId: number | null;
  trunkName: string;
  sim: number;
  calls: number;
  minutes: number;
  busiestDay: string;
  busiestDayCalls: number;
  busiestDayMinutes: number;
  caps: SimCaps | null;
};
export type DaySavings = { day: string; calls: number; cost: number; baselineCost: number; onNetShare: number | null };
export type SavingsReport = { summary: SavingsSummary; trunks: TrunkSavings[]; sims: SimSavings[]; days: DaySavings[] };

export type LoadSavingsReportOptions = { db: Db; portalId: number; range: DateRange };

type Row = {
  startedAt: Date;
  trunkId: number | null;
  trunkName: string | null;
  talkSec: number | null;
  costKopecks: number | null;
  baselineCostKopecks: number | null;
  decision: unknown;
};

/** Everything the savings dashboard and its CSV show, from the journal's outbound calls in the range. */
export async function loadSavingsReport({ db, portalId, range }: LoadSavingsReportOptions): Promise<SavingsReport> {
  const [settings, rows] = await Promise.all([
    loadRoutingSettings({ db, portalId }),
    db.call.findMany({
      where: { portalId, direction: 'outbound', ...startedWithin(range) },
      select: {
        startedAt: true,
        trunkId: true,
        trunkName: true,
        talkSec: true,
        costKopecks: true,
        baselineCostKopecks: true,
        decision: true,
      },
      orderBy: { startedAt: 'asc' },
    }) as Promise<Row[]>,
  ]);
  const calls = rows.map((row) => ({
    ...row,
    decision: row.decision as (DecisionForSavings & { trunk?: { id: string; sim?: number } | null }) | null,
  }));
  const summary = summarizeSavings({ calls, trunks: settings.trunks });
  const capsOf = (trunkId: number | null) => settings.trunks.find((t) => t.id === String(trunkId))?.caps ?? null;

  const trunks = new Map<string, TrunkSavings>();
  const sims = new Map<string, SimSavings & { perDay: Map<string, { calls: number; seconds: number }> }>();
  const days = new Map<string, { calls: typeof calls }>();
  for (const call of calls) {
    const day = dayOf(call.startedAt);
    (days.get(day) ?? days.set(day, { calls: [] }).get(day)!).calls.push(call);
    if (!call.trunkName) continue;
    const talk = call.talkSec ?? 0;
    const key = `${call.trunkId ?? call.trunkName}`;
    const trunk =
      trunks.get(key) ??
      trunks
        .set(key, {
          trunkId: call.trunkId,
          name: call.trunkName,
          calls: 0,
          answered: 0,
          minutes: 0,
          onNetCalls: 0,
          cost: 0,
          baselineCost: 0,
        })
        .get(key)!;
    trunk.calls += 1;
    trunk.answered += talk > 0 ? 1 : 0;
    trunk.minutes += talk / 60;
    trunk.onNetCalls += talk > 0 && call.decision?.onNet ? 1 : 0;
    trunk.cost += call.costKopecks ?? 0;
    trunk.baselineCost += call.baselineCostKopecks ?? call.costKopecks ?? 0;
    const simIndex = call.decision?.trunk?.sim;
    if (typeof simIndex !== 'number') continue;
    const simKey = `${key}:${simIndex}`;
    const sim =
      sims.get(simKey) ??
      sims
        .set(simKey, {
          trunkId: call.trunkId,
          trunkName: call.trunkName,
          sim: simIndex,
          calls: 0,
          minutes: 0,
          busiestDay: day,
          busiestDayCalls: 0,
          busiestDayMinutes: 0,
          caps: capsOf(call.trunkId),
          perDay: new Map(),
        })
        .get(simKey)!;
    sim.calls += 1;
    sim.minutes += talk / 60;
    const used = sim.perDay.get(day) ?? sim.perDay.set(day, { calls: 0, seconds: 0 }).get(day)!;
    used.calls += 1;
    used.seconds += talk;
  }
  return {
    summary,
    trunks: [...trunks.values()]
      .map((t) => ({ ...t, minutes: Math.round(t.minutes) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    sims: [...sims.values()]
      .map(({ perDay, ...sim }) => {
        const [busiestDay, busiest] = [...perDay.entries()].sort((a, b) => b[1].seconds - a[1].seconds)[0]!;
        return {
          ...sim,
          minutes: Math.round(sim.minutes),
          busiestDay,
          busiestDayCalls: busiest.calls,
          busiestDayMinutes: Math.round(busiest.seconds / 60),
        };
      })
      .sort((a, b) => a.trunkName.localeCompare(b.trunkName) || a.sim - b.sim),
    days: [...days.entries()].map(([day, { calls: ofDay }]) => {
      const s = summarizeSavings({ calls: ofDay, trunks: settings.trunks });
      return { day, calls: s.calls, cost: s.cost, baselineCost: s.baselineCost, onNetShare: s.onNetShare };
    }),
  };
}
