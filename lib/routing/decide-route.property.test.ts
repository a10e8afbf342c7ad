import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { firstCapReached } from './assess-trunk-capacity';
import { compileRoutingSettings } from './compile-routing-settings';
import { decideRoute, type RouteDecision } from './decide-route';
import { demoRoutingSettings, INN } from './demo-routing-settings';
import type { OccupancyByTrunk, ResolvedCarrier, SimUsage, UsageByTrunk } from './types';

/** Small seeded PRNG (mulberry32): a failure prints its seed and case, and replays exactly. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const settings = compileRoutingSettings(demoRoutingSettings);
const inns = [INN.mts, INN.megafon, INN.beeline, INN.t2, INN.yota, '7705017253'];
const lines = ['', 'auto', 'HR-1', 'HR-2', 'МТС', 'Билайн', '74950000002', 'nope'];
const departmentSets = [[], ['1'], ['2'], ['1', '2'], ['3'], ['2', '3']];
const hrTrunks = new Set(['hr1', 'hr2']);
const mayUse = (isHr: boolean) =>
  demoRoutingSettings.trunks.filter((trunk) => trunk.enabled !== false && hrTrunks.has(trunk.id) === isHr);
const SEED = 20261125;
const CASES = 20_000;

describe('decideRoute — properties over random inputs', () => {
  it(`HR never leaves its two trunks; no chosen SIM is busy or at a cap; no unreachable line (${CASES} cases, seed ${SEED})`, () => {
    const rnd = random(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const now = Date.UTC(2026, 10, 25, 12);
    let routed = 0;
    for (let i = 0; i < CASES; i += 1) {
      const digits = Array.from({ length: 10 }, () => Math.floor(rnd() * 10)).join('');
      const number = pick(['+7', '8', '', '+44', '+7 ', '00']) + digits;
      const inn = pick([...inns, null]);
      const resolveCarrier = (): ResolvedCarrier | null =>
        inn ? { inn, source: pick(['registry', 'ported', 'override'] as const) } : null;
      const usage: UsageByTrunk = {};
      const occupancy: OccupancyByTrunk = {};
      for (const trunk of demoRoutingSettings.trunks) {
        usage[trunk.id] = Array.from(
          { length: trunk.channels },
          (): SimUsage => ({
            busy: rnd() < 0.3,
            callsToday: Math.floor(rnd() * 200),
            secondsToday: Math.floor(rnd() * 400 * 60),
            secondsThisMonth: Math.floor(rnd() * 7000 * 60),
            lastCallEndedAt: rnd() < 0.5 ? null : now - Math.floor(rnd() * 5000),
          }),
        );
        if (rnd() < 0.3) occupancy[trunk.id] = Math.floor(rnd() * (trunk.channels + 2));
      }
      const unreachable = new Set(demoRoutingSettings.trunks.filter(() => rnd() < 0.2).map((trunk) => trunk.id));
      const caller = { departmentIds: pick(departmentSets) };
      const requestedLine = pick(lines);
      let decision: RouteDecision;
      try {
        decision = decideRoute({
          number,
          caller,
          requestedLine,
          usage,
          occupancy,
          unreachable,
          settings,
          resolveCarrier,
          now,
        });
      } catch (error) {
        expect(error, `case ${i}`).toBeInstanceOf(AppError);
        continue;
      }
      const isHr = caller.departmentIds.includes('2');
      for (const choice of [decision.trunk, ...decision.fallbacks]) {
        if (!choice) continue;
        const context = `case ${i}: ${JSON.stringify({ number, caller, requestedLine, choice: choice.id })}`;
        // An unreachable line only when every line this caller may take is (a PBX that has just started).
        if (unreachable.has(choice.id))
          expect(mayUse(isHr).every((trunk) => unreachable.has(trunk.id)), context).toBe(true);
        if (isHr) expect(hrTrunks.has(choice.id), context).toBe(true);
        else expect(hrTrunks.has(choice.id), context).toBe(false);
        const trunk = settings.trunkById.get(choice.id)!;
        const simUsage = usage[choice.id]![choice.sim]!;
        expect(simUsage.busy, context).toBe(false);
        expect(firstCapReached(trunk, simUsage, now), context).toBeNull();
        expect((occupancy[choice.id] ?? 0) < trunk.channels, context).toBe(true);
      }
      if (decision.trunk) routed += 1;
    }
    // The generator must exercise both outcomes, or the property says nothing.
    expect(routed).toBeGreaterThan(CASES * 0.2);
    expect(routed).toBeLessThan(CASES);
  });
});
