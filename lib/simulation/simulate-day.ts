import type { CarrierIndex } from '../numbering/registry';
import { compileRoutingSettings } from '../routing/compile-routing-settings';
import { decideRoute, type RouteDecision } from '../routing/decide-route';
import type { Caller, ResolvedCarrier, RoutingSettings, SimUsage, UsageByTrunk } from '../routing/types';
import { priceBaseline } from '../savings/price-baseline';
import { priceCall } from '../savings/price-call';
import { createRandom } from './create-random';
import { createNumberDrawer, type DestinationMix } from './draw-destination-number';

/** A manager who makes calls in the simulated day, with the share of the day's calls they make. */
export type SimulatedCaller = { extension: string; userId: number | null; caller: Caller; weight: number };

export type SimulateDayOptions = {
  calls: number;
  seed: number;
  settings: RoutingSettings;
  callers: readonly SimulatedCaller[];
  index: CarrierIndex;
  resolveCarrier: (e164: string) => ResolvedCarrier | null;
  /** Epoch ms of the working day's start (calls spread over the next WORKDAY_HOURS hours). */
  dayStart: number;
  mix?: DestinationMix;
};

export type SimulatedCall = {
  sequence: number;
  extension: string;
  userId: number | null;
  decision: RouteDecision;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number;
  ringSec: number;
  talkSec: number;
  costKopecks: number;
  baselineCostKopecks: number;
};

export const WORKDAY_HOURS = 9;
/** ~30 % of outgoing sales calls are not answered (no answer, busy, voicemail cut off). */
export const UNANSWERED_SHARE = 0.3;
/** Conversation length: log-normal, median 90 s, long right tail (a few calls over 10 minutes). */
const TALK_MEDIAN_SEC = 90;
const TALK_SIGMA = 0.8;
const MAX_TALK_SEC = 3600;

type Active = { trunkId: string; sim: number; endsAt: number; talkSec: number };

/**
 * A working day of outgoing calls through the real routing decision. Calls start by a Poisson process over the day
 * (N uniform start times, sorted, is exactly a Poisson process conditioned on N arrivals); each occupies its SIM for
 * ringing plus talk; SIM counters (calls, seconds, last end) grow as calls end, so busy SIMs and caps push later calls
 * to other lines exactly as they would live. Pure and deterministic for a given seed.
 */
export function simulateDay(options: SimulateDayOptions): SimulatedCall[] {
  const random = createRandom(options.seed);
  const compiled = compileRoutingSettings(options.settings);
  const trunkById = new Map(options.settings.trunks.map((t) => [t.id, t]));
  const drawNumber = createNumberDrawer(options.index, options.mix);
  const totalWeight = options.callers.reduce((sum, c) => sum + c.weight, 0);
  const pickCaller = () => {
    let target = random.next() * totalWeight;
    for (const caller of options.callers) if ((target -= caller.weight) < 0) return caller;
    return options.callers[options.callers.length - 1]!;
  };
  const dayMs = WORKDAY_HOURS * 3600_000;
  const starts = Array.from({ length: options.calls }, () => options.dayStart + Math.floor(random.next() * dayMs)).sort(
    (a, b) => a - b,
  );

  const usage: Record<string, SimUsage[]> = {};
  for (const trunk of options.settings.trunks) {
    usage[trunk.id] = Array.from({ length: trunk.channels }, () => ({
      busy: false,
      callsToday: 0,
      secondsToday: 0,
      secondsThisMonth: 0,
      lastCallEndedAt: null,
    }));
  }
  let active: Active[] = [];
  const release = (now: number) => {
    const still: Active[] = [];
    for (const call of active) {
      if (call.endsAt > now) {
        still.push(call);
        continue;
      }
      const sim = usage[call.trunkId]![call.sim]!;
      Object.assign(sim, {
        busy: false,
        callsToday: sim.callsToday + 1,
        secondsToday: sim.secondsToday + call.talkSec,
        secondsThisMonth: sim.secondsThisMonth + call.talkSec,
        lastCallEndedAt: call.endsAt,
      });
    }
    active = still;
  };

  return starts.map((startedAt, sequence) => {
    release(startedAt);
    const who = pickCaller();
    const number = drawNumber(random);
    const decision = decideRoute({
      number,
      caller: who.caller,
      usage: usage as UsageByTrunk,
      settings: compiled,
      resolveCarrier: options.resolveCarrier,
      now: startedAt,
    });
    const answered = random.next() >= UNANSWERED_SHARE;
    const ringSec = 5 + Math.floor(random.next() * 20);
    const drawnTalk = Math.min(MAX_TALK_SEC, Math.max(3, Math.round(random.logNormal(TALK_MEDIAN_SEC, TALK_SIGMA))));
    const trunk = decision.trunk ? trunkById.get(decision.trunk.id) : undefined;
    // No free line: the call never leaves the PBX (the manager hears "lines busy").
    const talkSec = trunk && answered ? drawnTalk : 0;
    const endedAt = startedAt + (trunk ? ringSec + talkSec : 0) * 1000;
    if (trunk && decision.trunk) {
      usage[trunk.id]![decision.trunk.sim]!.busy = true;
      active.push({ trunkId: trunk.id, sim: decision.trunk.sim, endsAt: endedAt, talkSec });
    }
    return {
      sequence,
      extension: who.extension,
      userId: who.userId,
      decision,
      startedAt,
      answeredAt: talkSec > 0 ? startedAt + ringSec * 1000 : null,
      endedAt,
      ringSec: trunk ? ringSec : 0,
      talkSec,
      costKopecks: trunk ? priceCall({ talkSec, onNet: decision.onNet, tariff: trunk.tariff }) : 0,
      baselineCostKopecks: trunk
        ? (priceBaseline({ talkSec, clientGroupId: decision.carrier?.groupId, settings: options.settings }) ?? 0)
        : 0,
    };
  });
}
