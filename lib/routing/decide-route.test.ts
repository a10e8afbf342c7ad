import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { compileRoutingSettings } from './compile-routing-settings';
import { decideRoute, type DecideRouteOptions } from './decide-route';
import { demoRoutingSettings, INN } from './demo-routing-settings';
import { renderReasons } from './route-reasons';
import type { ResolvedCarrier, SimUsage, UsageByTrunk } from './types';

// The carrier resolver is an input of the pure decision; the registry-backed one is tested in lib/numbering.
const byDef: Record<string, string> = {
  '915': INN.mts,
  '926': INN.megafon,
  '903': INN.beeline,
  '900': INN.t2,
  '958': '7705017253',
};
const resolveCarrier = (e164: string): ResolvedCarrier | null => {
  const def = e164.slice(1, 4);
  return byDef[def] ? { inn: byDef[def]!, source: 'registry', range: { def, from: '0000000', to: '9999999' } } : null;
};
const settings = compileRoutingSettings(demoRoutingSettings);
const sales = { extension: '101', departmentIds: ['1'] };
const hr = { extension: '201', departmentIds: ['2'] };
const now = Date.UTC(2026, 10, 25, 12);
const MTS = '+7 915 123-45-67';

function decide(overrides: Partial<DecideRouteOptions>) {
  return decideRoute({ number: MTS, caller: sales, settings, resolveCarrier, now, ...overrides });
}
const sim = (over: Partial<SimUsage> = {}): SimUsage => ({
  busy: false,
  callsToday: 0,
  secondsToday: 0,
  secondsThisMonth: 0,
  lastCallEndedAt: null,
  ...over,
});
const all = (trunkId: string, usage: SimUsage, count = 4): UsageByTrunk => ({
  [trunkId]: Array.from({ length: count }, () => usage),
});

describe('decideRoute — table', () => {
  it.each([
    // name, options, trunk, via
    ['Sales → MTS number → MTS line', {}, 'mts', 'carrier'],
    ['MegaFon number (incl. Yota group) → MegaFon', { number: '89261234567' }, 'megafon', 'carrier'],
    ['Beeline number → Beeline', { number: '9031234567' }, 'beeline', 'carrier'],
    ['MTS all SIMs busy → department default', { usage: all('mts', sim({ busy: true })) }, 'beeline', 'profileDefault'],
    ['MTS busy by live count → department default', { occupancy: { mts: 4 } }, 'beeline', 'profileDefault'],
    [
      'MTS SIMs at calls/day cap → default',
      { usage: all('mts', sim({ callsToday: 150 })) },
      'beeline',
      'profileDefault',
    ],
    [
      'MTS SIMs at minutes/day cap → default',
      { usage: all('mts', sim({ secondsToday: 300 * 60 })) },
      'beeline',
      'profileDefault',
    ],
    [
      'MTS SIMs at minutes/month cap → default',
      { usage: all('mts', sim({ secondsThisMonth: 6000 * 60 })) },
      'beeline',
      'profileDefault',
    ],
    [
      'MTS SIMs inside min gap → default',
      { usage: all('mts', sim({ lastCallEndedAt: now - 1000 })) },
      'beeline',
      'profileDefault',
    ],
    ['MTS SIMs past min gap → MTS', { usage: all('mts', sim({ lastCallEndedAt: now - 2000 })) }, 'mts', 'carrier'],
    ['MTS and Beeline busy → another allowed line', { occupancy: { mts: 4, beeline: 4 } }, 'megafon', 'otherAllowed'],
    ['manual MegaFon wins for an MTS number', { requestedLine: '74950000002' }, 'megafon', 'manual'],
    ['manual by line name', { requestedLine: 'Билайн' }, 'beeline', 'manual'],
    ['"auto" line = automatic', { requestedLine: 'auto' }, 'mts', 'carrier'],
    ['manual HR line refused for Sales', { requestedLine: 'HR-1' }, 'mts', 'carrier'],
    ['manual unknown line refused', { requestedLine: '70000000000' }, 'mts', 'carrier'],
    ['manual line busy → automatic', { requestedLine: 'МегаФон', occupancy: { megafon: 4 } }, 'mts', 'carrier'],
    ['unknown carrier → department default', { number: '79991234567' }, 'beeline', 'profileDefault'],
    ['carrier in no group → department default', { number: '79581234567' }, 'beeline', 'profileDefault'],
    ['T2 number, no T2 line → department default', { number: '79001234567' }, 'beeline', 'profileDefault'],
    ['landline → department default', { number: '+7 495 123-45-67' }, 'beeline', 'profileDefault'],
    ['foreign → department default', { number: '+49 30 1234567' }, 'beeline', 'profileDefault'],
    [
      'caller without a profile → global default',
      { number: '79991234567', caller: { departmentIds: ['77'] } },
      'beeline',
      'globalDefault',
    ],
    ['caller without a profile still routes by carrier', { caller: { departmentIds: [] } }, 'mts', 'carrier'],
    ['HR → MTS number → HR-2 (MTS)', { caller: hr }, 'hr2', 'carrier'],
    ['HR → Beeline number → HR-1 (Beeline)', { caller: hr, number: '79031234567' }, 'hr1', 'carrier'],
    ['HR → MegaFon number → HR default', { caller: hr, number: '79261234567' }, 'hr1', 'profileDefault'],
    ['HR → HR-2 busy → HR-1, never Sales lines', { caller: hr, occupancy: { hr2: 1 } }, 'hr1', 'profileDefault'],
    ['HR manual Sales line refused', { caller: hr, requestedLine: 'МТС' }, 'hr2', 'carrier'],
    ['HR manual other HR number', { caller: hr, requestedLine: 'HR-1' }, 'hr1', 'manual'],
    ['person in Sales and HR → HR rules', { caller: { departmentIds: ['1', '2'] } }, 'hr2', 'carrier'],
  ] as const)('%s', (_name, options, trunk, via) => {
    const decision = decide(options as Partial<DecideRouteOptions>);
    expect(decision.trunk?.id).toBe(trunk);
    expect(decision.via).toBe(via);
  });

  it('explains itself in Russian and English', () => {
    const decision = decide({
      usage: { mts: [sim({ busy: true }), sim({ busy: true }), sim({ busy: true }), sim({ busy: true })] },
    });
    expect(renderReasons(decision.reasons, 'ru')).toBe(
      'отдел: Продажи; МТС по реестру (диапазон 915…); МТС занят 4/4; → Билайн (линия отдела по умолчанию)',
    );
    expect(renderReasons(decision.reasons, 'en')).toBe(
      "department: Продажи; МТС by the registry (range 915…); МТС busy 4/4; → Билайн (the department's default line)",
    );
  });

  it('says why a manual choice was refused', () => {
    const decision = decide({ caller: hr, requestedLine: 'МТС' });
    expect(renderReasons(decision.reasons, 'ru')).toContain('линия МТС недоступна отделу «HR»');
  });

  it('tells "no line set up" and "no line allowed" apart from "all busy"', () => {
    const empty = compileRoutingSettings({ ...demoRoutingSettings, trunks: [] });
    const none = decideRoute({ number: MTS, caller: sales, settings: empty, resolveCarrier, now });
    expect(none.reasons.at(-1)).toEqual({ code: 'noLines' });
    expect(renderReasons(none.reasons.slice(-1), 'ru')).toContain('ни одна линия не настроена');
    const closed = demoRoutingSettings.profiles.map((profile) => ({ ...profile, allowedTrunkIds: [] }));
    const noneAllowed = decideRoute({
      number: MTS,
      caller: sales,
      settings: compileRoutingSettings({ ...demoRoutingSettings, profiles: closed }),
      resolveCarrier,
      now,
    });
    expect(noneAllowed.reasons.at(-1)).toMatchObject({ code: 'noAllowedLines' });
  });

  it('HR with both numbers busy gets no line rather than a Sales line', () => {
    const decision = decide({ caller: hr, occupancy: { hr1: 1, hr2: 1 } });
    expect(decision.trunk).toBeNull();
    expect(decision.reasons.at(-1)).toEqual({ code: 'nothingAvailable' });
  });

  it('marks on-net calls and lists fallbacks with capacity', () => {
    const decision = decide({ occupancy: { megafon: 4 } });
    expect(decision.onNet).toBe(true);
    expect(decision.fallbacks.map((f) => f.id)).toEqual(['beeline']);
    expect(decide({ number: '79991234567' }).onNet).toBe(false);
  });

  it("an unreachable gateway's line is never chosen, not even as a fallback, and the reason says so", () => {
    const decision = decide({ unreachable: new Set(['mts']) });
    expect(decision.trunk?.id).toBe('beeline');
    expect(decision.fallbacks.map((f) => f.id)).toEqual(['megafon']);
    expect(renderReasons(decision.reasons, 'ru')).toContain('МТС: шлюз недоступен; → Билайн');
    expect(decide({ unreachable: new Set(['mts']), requestedLine: 'МТС' }).trunk?.id).toBe('beeline');
    // Every line HR may take reported unreachable: a PBX that has just started says that of all of them.
    expect(decide({ caller: hr, unreachable: new Set(['hr1', 'hr2']) }).trunk?.id).toMatch(/^hr[12]$/);
    expect(decide({ caller: hr, unreachable: new Set(['hr1']) }).trunk?.id).toBe('hr2');
  });

  it('picks the least-used idle SIM under its caps', () => {
    const usage = {
      mts: [sim({ busy: true }), sim({ secondsToday: 900 }), sim({ callsToday: 150 }), sim({ secondsToday: 300 })],
    };
    expect(decide({ usage }).trunk?.sim).toBe(3);
  });

  it('assumes unknown busy channels sit on eligible SIMs (never risks a cap)', () => {
    // Two SIMs over the cap, two idle per usage, but AMI says two channels are busy: nothing is safely free.
    const usage = { mts: [sim({ callsToday: 150 }), sim({ callsToday: 150 }), sim(), sim()] };
    expect(decide({ usage, occupancy: { mts: 2 } }).trunk?.id).toBe('beeline');
  });

  it('refuses a bad number with a clear message and the field', () => {
    expect(() => decide({ number: 'call me' })).toThrowError(AppError);
    try {
      decide({ number: '12' });
    } catch (error) {
      expect((error as AppError).fields).toEqual({ number: 'too_short' });
      expect((error as AppError).message).toMatch(/слишком мало цифр.*too few digits/);
    }
  });
});
