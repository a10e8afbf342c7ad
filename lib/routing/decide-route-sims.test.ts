import { describe, expect, it } from 'vitest';
import { assessTrunkCapacity } from './assess-trunk-capacity';
import { compileRoutingSettings } from './compile-routing-settings';
import { decideRoute } from './decide-route';
import { demoRoutingSettings, INN } from './demo-routing-settings';
import { createSimReservations, liveReservations } from './sim-reservations';
import type { RoutingSettings, SimUsage, Trunk } from './types';

const now = Date.UTC(2026, 10, 25, 12);
const idle = (over: Partial<SimUsage> = {}): SimUsage => ({
  busy: false,
  callsToday: 0,
  secondsToday: 0,
  secondsThisMonth: 0,
  lastCallEndedAt: null,
  ...over,
});
const mts = demoRoutingSettings.trunks.find((trunk) => trunk.id === 'mts')!;
const simDials = [1, 2, 3, 4].map((port) => `PJSIP/${port}#{number}@gw_mts`);
const withSims = (over: Partial<Trunk> = {}): RoutingSettings => ({
  ...demoRoutingSettings,
  trunks: demoRoutingSettings.trunks.map((trunk) => (trunk.id === 'mts' ? { ...trunk, simDials, ...over } : trunk)),
});
const resolveCarrier = () => ({ inn: INN.mts, source: 'registry' as const });
const sales = { extension: '101', departmentIds: ['1'] };

describe('assessTrunkCapacity — reserved and disabled SIMs', () => {
  const assess = (sims: SimUsage[], reserved?: number[], disabledSims?: number[], busyChannels?: number) =>
    assessTrunkCapacity({ trunk: { ...mts, disabledSims }, sims, busyChannels, reserved, now });

  it.each([
    ['nothing held → SIM 0', [idle(), idle(), idle(), idle()], [], [], undefined, { sim: 0, free: 4 }],
    ['SIM 0 reserved → SIM 1', [idle(), idle(), idle(), idle()], [0], [], undefined, { sim: 1, free: 3 }],
    ['SIM 0 disabled → SIM 1', [idle(), idle(), idle(), idle()], [], [0], undefined, { sim: 1, free: 3 }],
    ['reserved + disabled + busy', [idle({ busy: true }), idle(), idle(), idle()], [1], [2], 1, { sim: 3, free: 1 }],
    ['least used of the rest', [idle(), idle({ secondsToday: 5 }), idle()], [0], [], undefined, { sim: 2, free: 3 }],
  ])('%s', (_name, sims, reserved, disabled, busyChannels, expected) => {
    expect(assess(sims, reserved, disabled, busyChannels)).toEqual({ available: true, ...expected });
  });

  it.each([
    ['all four reserved', [0, 1, 2, 3], [], { why: 'busy', busy: 4, channels: 4 }],
    ['all four disabled', [], [0, 1, 2, 3], { why: 'simsDisabled', disabled: 4 }],
    ['two reserved, two disabled', [0, 1], [2, 3], { why: 'simsDisabled', disabled: 2 }],
  ])('%s → unavailable', (_name, reserved, disabled, expected) => {
    const sims = [idle(), idle(), idle(), idle()];
    expect(assess(sims, reserved, disabled)).toEqual({ available: false, ...expected });
  });
});

describe('decideRoute — per-SIM templates', () => {
  it('dials the picked SIM by its own template, and says so', () => {
    const settings = compileRoutingSettings(withSims());
    const reserved = { mts: [0, 1] };
    const decision = decideRoute({ number: '79151234567', caller: sales, settings, resolveCarrier, now, reserved });
    expect(decision.trunk).toMatchObject({ id: 'mts', sim: 2, dial: 'PJSIP/3#{number}@gw_mts', simDial: true });
  });

  it("a line without SIM templates dials the line's template (the gateway picks the port)", () => {
    const settings = compileRoutingSettings(demoRoutingSettings);
    const decision = decideRoute({ number: '79151234567', caller: sales, settings, resolveCarrier, now });
    expect(decision.trunk).toMatchObject({ id: 'mts', sim: 0, dial: 'PJSIP/{number}@gw_mts', simDial: false });
  });

  it('every MTS SIM out of rotation → the default line, with the reason', () => {
    const settings = compileRoutingSettings(withSims({ disabledSims: [0, 1, 2, 3] }));
    const decision = decideRoute({ number: '79151234567', caller: sales, settings, resolveCarrier, now });
    expect(decision.trunk?.id).toBe('beeline');
    expect(decision.reasons).toContainEqual({ code: 'simsDisabled', trunk: mts.name, disabled: 4 });
  });

  it('six decisions in a row holding their SIMs book at most four on a 4-SIM line', () => {
    const settings = compileRoutingSettings(withSims());
    const table = createSimReservations();
    const picked: string[] = [];
    for (let call = 0; call < 6; call += 1) {
      const reserved = table.held(undefined, now);
      const decision = decideRoute({ number: '79151234567', caller: sales, settings, resolveCarrier, now, reserved });
      if (decision.trunk) table.hold(decision.trunk.id, decision.trunk.sim, now);
      picked.push(`${decision.trunk?.id}:${decision.trunk?.sim}`);
    }
    expect(picked).toEqual(['mts:0', 'mts:1', 'mts:2', 'mts:3', 'beeline:0', 'beeline:1']);
  });
});

describe('liveReservations', () => {
  const busyMts = { mts: [idle(), idle({ busy: true })] };
  it.each([
    ['kept while the call is not up', { trunkId: 'mts', sim: 0, until: now + 1 }, true],
    ['dropped once its SIM is busy (the call is up)', { trunkId: 'mts', sim: 1, until: now + 1 }, false],
    ['dropped when it expires (the call never came)', { trunkId: 'mts', sim: 0, until: now }, false],
    ['kept for a line the load does not know', { trunkId: 'beeline', sim: 0, until: now + 1 }, true],
  ])('%s', (_name, reservation, kept) => {
    expect(liveReservations({ reservations: [reservation], usage: busyMts, now })).toHaveLength(kept ? 1 : 0);
  });
});
