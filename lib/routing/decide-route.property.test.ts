import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { firstCapReached } from './assess-trunk-capacity';
import { compileRoutingSettings } from './compile-routing-settings';
import { decideRoute, type RouteDecision } from './decide-route';
import { demoRoutingSettings, INN } from './demo-routing-settings';
import type { OccupancyByTrunk, ReservedByTrunk, ResolvedCarrier, SimUsage, UsageByTrunk } from './types';

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
/** Settings variants with SIMs out of rotation and per-SIM templates: compiled once, like a save. */
function settingsWithSims(rnd: () => number) {
  return Array.from({ length: 8 }, () =>
    compileRoutingSettings({
      ...demoRoutingSettings,
      trunks: demoRoutingSettings.trunks.map((trunk) => ({
        ...trunk,
        disabledSims: Array.from({ length: trunk.channels }, (_, sim) => sim).filter(() => rnd() < 0.3),
        simDials:
          rnd() < 0.5 ? Array.from({ length: trunk.channels }, (_, sim) => `PJSIP/${sim + 1}#{number}@x`) : undefined,
      })),
    }),
  );
}
const inns = [INN.mts, INN.megafon, INN.beeline, INN.t2, INN.yota, '7705017253'];
const lines = ['', 'auto', 'HR-1', 'HR-2', 'МТС', 'Билайн', '74950000002', 'nope'];
const departmentSets = [[], ['1'], ['2'], ['1', '2'], ['3'], ['2', '3']];
const hrTrunks = new Set(['hr1', 'hr2']);
const mayUse = (isHr: boolean) =>
  demoRoutingSettings.trunks.filter((trunk) => trunk.enabled !== false && hrTrunks.has(trunk.id) === isHr);
const SEED = 20261125;
const CASES = 20_000;

describe('decideRoute — properties over random inputs', () => {
  it(`HR keeps to its trunks; no line unreachable; no SIM busy, reserved, disabled, capped (${CASES}, seed ${SEED})`, () => {
    const rnd = random(SEED);
    const variants = [settings, ...settingsWithSims(rnd)];
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
      const reserved: ReservedByTrunk = {};
      const compiled = pick(variants);
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
        if (rnd() < 0.3) reserved[trunk.id] = [Math.floor(rnd() * trunk.channels)];
      }
      const unreachable = new Set(demoRoutingSettings.trunks.filter(() => rnd() < 0.2).map((trunk) => trunk.id));
      const caller = { departmentIds: pick(departmentSets) };
      const requestedLine = pick(lines);
      let decision: RouteDecision;
      try {
        const options = { number, caller, requestedLine, usage, occupancy, unreachable, reserved, resolveCarrier, now };
        decision = decideRoute({ ...options, settings: compiled });
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
          expect(
            mayUse(isHr).every((trunk) => unreachable.has(trunk.id)),
            context,
          ).toBe(true);
        if (isHr) expect(hrTrunks.has(choice.id), context).toBe(true);
        else expect(hrTrunks.has(choice.id), context).toBe(false);
        const trunk = compiled.trunkById.get(choice.id)!;
        const simUsage = usage[choice.id]![choice.sim]!;
        expect(simUsage.busy, context).toBe(false);
        expect(trunk.disabledSims ?? [], context).not.toContain(choice.sim);
        expect(reserved[choice.id] ?? [], context).not.toContain(choice.sim);
        expect(choice.dial, context).toBe(trunk.simDials?.[choice.sim] ?? trunk.dial);
        expect(firstCapReached(trunk, simUsage, now), context).toBeNull();
        expect((occupancy[choice.id] ?? 0) < trunk.channels, context).toBe(true);
      }
      if (decision.trunk) routed += 1;
    }
    // The generator must exercise both outcomes, or the property says nothing.
    expect(routed).toBeGreaterThan(CASES * 0.2);
    expect(routed).toBeLessThan(CASES);
    // 20k decisions take a few seconds alone, longer on a machine busy with other suites: never a time assertion.
  }, 60_000);
});
