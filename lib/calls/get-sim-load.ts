import { createRefreshingCache, type RefreshingCache } from '../cache/create-refreshing-cache';
import { createDelegableLoad } from '../cache/create-delegable-load';
import { getConfig } from '../config/load-config';
import type { Db } from '../db/client';
import type { OccupancyByTrunk, SimUsage, UsageByTrunk } from '../routing/types';
import { dialTemplateLine } from '../routing/dial-template/check-dial-template';
import { callDay } from './call-day';
import type { CallTrackerState } from './call-tracker-state';
import { unreachableLines } from './line-reachability';

/**
 * What the trackers know about SIMs in use right now, per PBX endpoint; plain data, so it can cross to another process.
 */
export type LiveChannels = {
  busyByEndpoint: Record<string, number>;
  busySims: Record<string, number[]>;
  /** Line keys (gw_mts, beeline…) whose device the PBX reports unreachable (see lib/calls/line-reachability.ts). */
  unreachable?: string[];
  /** Users' extensions talking right now: an incoming call does not ring its manager first then. */
  busyExtensions?: string[];
};

export type GetSimLoadOptions = {
  db: Db;
  portalId: number;
  /** The live trackers (in this process) … */
  trackers?: Iterable<CallTrackerState>;
  /** … or their summary, sent by the process that owns them (to the dialplan process). */
  live?: LiveChannels;
  now?: number;
  timeZone?: string;
};

/** Busy trunk channels (from AMI) and SIMs held by calls (a click-to-call holds its SIM from the click). */
export function summarizeLiveChannels(trackers: Iterable<CallTrackerState>, now = Date.now()): LiveChannels {
  const busyByEndpoint: Record<string, number> = {};
  const busySims: Record<string, number[]> = {};
  const unreachable = new Set<string>();
  const busyExtensions = new Set<string>();
  for (const state of trackers) {
    for (const line of unreachableLines(state, now)) unreachable.add(line);
    for (const channel of state.channels.values()) {
      if (channel.isTrunk) busyByEndpoint[channel.endpoint] = (busyByEndpoint[channel.endpoint] ?? 0) + 1;
      else if (channel.bridgedAt !== null) {
        const extension = state.match.extensionOf(channel.name);
        if (extension) busyExtensions.add(extension);
      }
    }
    for (const call of state.calls.values()) {
      // The trunk leg of a click-to-call appears only after the manager answers; its SIM is taken before that.
      if (call.status === 'ended' || call.sim === null || !call.trunkEndpoint) continue;
      const sims = (busySims[call.trunkEndpoint] ??= []);
      if (!sims.includes(call.sim)) sims.push(call.sim);
    }
  }
  return {
    busyByEndpoint,
    busySims,
    busyExtensions: [...busyExtensions],
    ...(unreachable.size ? { unreachable: [...unreachable].sort() } : {}),
  };
}

/**
 * The routing decision's capacity inputs for one portal: live busy channels per trunk (from AMI, via the trackers)
 * and per-SIM usage today and this month (from the journal's SimUsage rows, plus SIMs busy right now).
 */
export async function getSimLoad({
  db,
  portalId,
  trackers = [],
  live,
  now = Date.now(),
  timeZone,
}: GetSimLoadOptions): Promise<SimLoad> {
  const today = callDay(now, timeZone);
  const monthStart = `${today.slice(0, 8)}01`;
  const stored = await cacheFor(db).get(`${portalId}|${monthStart}|${today}`, now);
  if (!live) return combineSimLoad(stored, summarizeLiveChannels(trackers, now), today);
  // The dialplan process asks on every call, but its inputs change only when the usage is reloaded (each second) or
  // the app sends new live state: reuse the answer until then instead of rebuilding every SIM per call.
  const last = lastLoadByStored.get(stored);
  if (last?.live === live) return last.load;
  const load = combineSimLoad(stored, live, today);
  lastLoadByStored.set(stored, { live, load });
  return load;
}

export type SimLoad = { occupancy: OccupancyByTrunk; usage: UsageByTrunk; unreachable?: string[] };

/**
 * The SIM load when this server talks to a PBX (AMI configured); null without one — the decision then assumes free
 * lines, and the call card shows no busy counts. `read` runs only with a PBX: it may start the call tracking.
 */
export async function readSimLoadWhenPbx(read: () => Promise<SimLoad>): Promise<SimLoad | null> {
  return getConfig().pbxes.length === 0 ? null : read();
}
const lastLoadByStored = new WeakMap<Stored, { live: LiveChannels; load: SimLoad }>();

/** Frozen: one answer may serve many decisions, and none of them may change it for the next. */
function combineSimLoad({ trunks, rows }: Stored, live: LiveChannels, today: string): SimLoad {
  const { busyByEndpoint, busySims } = live;
  const down = new Set(live.unreachable ?? []);
  const unreachable: string[] = [];
  const occupancy: OccupancyByTrunk = {};
  const usage: UsageByTrunk = {};
  for (const trunk of trunks) {
    if (down.has(dialTemplateLine(trunk.dial) ?? '')) unreachable.push(String(trunk.id));
    const endpoints = trunkEndpoints(trunk);
    const sims: SimUsage[] = Array.from({ length: trunk.channels }, () => ({
      busy: false,
      callsToday: 0,
      secondsToday: 0,
      secondsThisMonth: 0,
      lastCallEndedAt: null,
    }));
    for (const row of rows) {
      const sim = row.trunkId === trunk.id ? sims[row.simIndex] : undefined;
      if (!sim) continue;
      sim.secondsThisMonth += row.seconds;
      if (row.day === today) Object.assign(sim, { callsToday: row.calls, secondsToday: row.seconds });
      const last = row.lastCallAt?.getTime() ?? null;
      if (last !== null && (sim.lastCallEndedAt === null || last > sim.lastCallEndedAt)) sim.lastCallEndedAt = last;
    }
    const held = new Set(endpoints.flatMap((endpoint) => busySims[endpoint] ?? []));
    for (const index of held) if (sims[index]) sims[index].busy = true;
    const channels = endpoints.reduce((sum, endpoint) => sum + (busyByEndpoint[endpoint] ?? 0), 0);
    const busy = Math.max(channels, held.size);
    occupancy[String(trunk.id)] = busy;
    usage[String(trunk.id)] = Object.freeze(sims.map((sim) => Object.freeze(sim))) as SimUsage[];
  }
  return {
    occupancy: Object.freeze(occupancy),
    usage: Object.freeze(usage),
    ...(unreachable.length ? { unreachable: Object.freeze(unreachable) as string[] } : {}),
  };
}

/**
 * The keys a line's calls are known by: its template's, and each SIM template's own endpoint (a click-to-call names it
 * until its channel shows up as the line's).
 */
function trunkEndpoints(trunk: Stored['trunks'][number]): string[] {
  const simDials = Array.isArray(trunk.simDials) ? trunk.simDials.filter((d) => typeof d === 'string') : [];
  const endpoints = [trunk.dial, ...simDials].map((dial) => dialTemplateLine(dial) ?? '');
  return [...new Set(endpoints)];
}

type Stored = {
  trunks: Array<{ id: number; dial: string; channels: number; simDials?: unknown }>;
  rows: Array<{
    trunkId: number;
    simIndex: number;
    day: string;
    calls: number;
    seconds: number;
    lastCallAt: Date | null;
  }>;
};

/**
 * The stored part (trunks, this month's SimUsage rows) is cached for a second and refreshed in the background, so a
 * click never waits for the database (the click → Originate budget is 30 ms p99). Busy state is live (memory); usage
 * counters may lag by about a second, far inside the per-day and per-month caps' tolerance.
 */
const TTL_MS = 1000;
const holder = globalThis as typeof globalThis & { __simLoadCaches?: Map<Db, RefreshingCache<string, Stored>> };
function cacheFor(db: Db): RefreshingCache<string, Stored> {
  const caches = (holder.__simLoadCaches ??= new Map());
  let cache = caches.get(db);
  if (!cache) {
    cache = createRefreshingCache<string, Stored>({ ttlMs: TTL_MS, load: (key) => loadStoredOnMain(db, key) });
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Today's rows as they are, the rest of the month summed by the database: a row per SIM instead of a row per SIM-day,
 * so the reload (every second) stays small at the end of a month too. For the dialplan process it runs in the app
 * (see lib/dialplan/loads-run-in-app.ts): three queries a second on that process's own loop would set the desk phones'
 * latency tail.
 */
export async function loadStoredSimUsage(db: Db, key: string): Promise<Stored> {
  const [portal, monthStart, today] = key.split('|') as [string, string, string];
  const portalId = Number(portal);
  const [trunks, todayRows, earlier] = await Promise.all([
    db.trunk.findMany({ where: { portalId }, select: { id: true, dial: true, channels: true, simDials: true } }),
    db.simUsage.findMany({
      where: { portalId, day: today },
      select: { trunkId: true, simIndex: true, day: true, calls: true, seconds: true, lastCallAt: true },
    }),
    db.simUsage.groupBy({
      by: ['trunkId', 'simIndex'],
      where: { portalId, day: { gte: monthStart, lt: today } },
      _sum: { seconds: true },
      _max: { lastCallAt: true },
    }),
  ]);
  const rows: Stored['rows'] = [
    ...todayRows,
    ...earlier.map((g) => ({
      trunkId: g.trunkId,
      simIndex: g.simIndex,
      day: monthStart,
      calls: 0,
      seconds: g._sum.seconds ?? 0,
      lastCallAt: g._max.lastCallAt,
    })),
  ];
  return { trunks, rows };
}
const loadStoredOnMain = createDelegableLoad(loadStoredSimUsage);
