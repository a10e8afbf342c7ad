import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { demoRoutingSettings } from './demo-routing-settings';
import type { RoutingSettings } from './types';
import { ROUTING_SETTINGS_LIMITS as L, validateRoutingSettings } from './validate-routing-settings';

const clone = (): RoutingSettings => structuredClone(demoRoutingSettings);

const range = <T>(count: number, make: (index: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));
const inn = (index: number) => String(1_000_000_000 + index);

/** The biggest document the limits allow: every array at its cap, every cross-reference in use. */
function biggestSettings(): RoutingSettings {
  const [template] = clone().trunks;
  const innsPerGroup = L.innsTotal / L.carrierGroups;
  const departmentsPerProfile = L.departmentsTotal / L.profiles;
  const trunks = range(L.trunks, (i) => ({
    ...template!,
    id: `t${i}`,
    name: `Линия ${i}`,
    lineNumber: String(74950000000 + i),
    dial: `PJSIP/{number}@gw_${i}`,
    carrierGroupId: `g${i % L.carrierGroups}`,
    channels: L.simsPerLine,
  }));
  const carrierGroups = range(L.carrierGroups, (g) => ({
    id: `g${g}`,
    name: `Группа ${g}`,
    inns: range(innsPerGroup, (i) => inn(g * innsPerGroup + i)),
  }));
  const profiles = range(L.profiles, (p) => ({
    id: `p${p}`,
    kind: 'sales' as const,
    name: `Профиль ${p}`,
    departmentIds: range(departmentsPerProfile, (d) => String(p * departmentsPerProfile + d + 1)),
    allowedTrunkIds: trunks.map((t) => t.id),
    defaultTrunkId: trunks[p % L.trunks]!.id,
  }));
  return { trunks, carrierGroups, profiles, defaultTrunkId: 't0' };
}

function fieldsOf(settings: unknown): Record<string, string> {
  try {
    validateRoutingSettings(settings);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields ?? {};
  }
  throw new Error('expected the settings to be refused');
}

describe('validateRoutingSettings', () => {
  it('accepts the reference deployment', () => {
    expect(validateRoutingSettings(clone())).toEqual(demoRoutingSettings);
  });

  it('accepts what a new portal saves first, in either order: groups without lines, a line without a group', () => {
    const groupsOnly = { ...clone(), trunks: [], profiles: [], defaultTrunkId: '' };
    expect(validateRoutingSettings(groupsOnly).carrierGroups).toHaveLength(groupsOnly.carrierGroups.length);
    const [line] = clone().trunks;
    const lineOnly = {
      trunks: [{ ...line!, carrierGroupId: '' }],
      carrierGroups: [],
      profiles: [],
      defaultTrunkId: line!.id,
    };
    expect(validateRoutingSettings(lineOnly).trunks[0]!.carrierGroupId).toBe('');
    const nothing = { trunks: [], carrierGroups: [], profiles: [], defaultTrunkId: '' };
    expect(validateRoutingSettings(nothing)).toEqual(nothing);
  });

  it('takes a line number and a trunk as people type them, and says the expected format otherwise', () => {
    const typed = clone();
    typed.trunks[0]!.lineNumber = '+7 (495) 000-00-01';
    typed.trunks[0]!.dial = ' pjsip/{number}@Beeline-GoIP ';
    const saved = validateRoutingSettings(typed);
    expect(saved.trunks[0]).toMatchObject({ lineNumber: '74950000001', dial: 'PJSIP/{number}@Beeline-GoIP' });
    const wrong = clone();
    wrong.trunks[0]!.lineNumber = 'доб. 12';
    wrong.trunks[0]!.dial = 'SIP/gw beeline/{number}';
    const fields = (() => {
      try {
        validateRoutingSettings(wrong);
      } catch (error) {
        return (error as { fields: Record<string, string> }).fields;
      }
      return {};
    })();
    expect(fields['trunks.0.lineNumber']).toContain('74950000001');
    expect(fields['trunks.0.dial']).toMatch(/^Символ « » недопустим.* \/ " " is not allowed/);
  });

  it.each<[string, (s: RoutingSettings) => void, string, RegExp]>([
    [
      'HR with three numbers',
      (s) => {
        s.profiles[1]!.allowedTrunkIds.push('beeline');
      },
      'profiles.1.allowedTrunkIds',
      /exactly two numbers/,
    ],
    [
      'HR with one number',
      (s) => {
        s.profiles[1]!.allowedTrunkIds = ['hr1'];
      },
      'profiles.1.allowedTrunkIds',
      /ровно два номера/,
    ],
    [
      'a trunk with an unknown carrier group',
      (s) => {
        s.trunks[2]!.carrierGroupId = 'nope';
      },
      'trunks.2.carrierGroupId',
      /carrier group/,
    ],
    [
      'a negative cap',
      (s) => {
        s.trunks[1]!.caps.callsPerDay = -5;
      },
      'trunks.1.caps.callsPerDay',
      /Cannot be negative/,
    ],
    [
      'a negative minutes cap',
      (s) => {
        s.trunks[1]!.caps.minutesPerMonth = -1;
      },
      'trunks.1.caps.minutesPerMonth',
      /отрицательным/,
    ],
    [
      'a fractional cap',
      (s) => {
        s.trunks[1]!.caps.minGapSeconds = 1.5;
      },
      'trunks.1.caps.minGapSeconds',
      /Whole number/,
    ],
    [
      'zero SIMs',
      (s) => {
        s.trunks[0]!.channels = 0;
      },
      'trunks.0.channels',
      /At least one SIM/,
    ],
    [
      'a dial target that could inject dialplan',
      (s) => {
        s.trunks[0]!.dial = 'PJSIP/{number}@gw&Local/1@x';
      },
      'trunks.0.dial',
      /"&" is not allowed: it changes the Dial command/,
    ],
    [
      'a duplicate line name',
      (s) => {
        s.trunks[1]!.name = s.trunks[0]!.name;
      },
      'trunks.1.name',
      /unique/,
    ],
    [
      'a default line outside the profile',
      (s) => {
        s.profiles[0]!.defaultTrunkId = 'hr1';
      },
      'profiles.0.defaultTrunkId',
      /allowed one/,
    ],
    [
      'an unknown global default',
      (s) => {
        s.defaultTrunkId = 'x';
      },
      'defaultTrunkId',
      /default line/,
    ],
    [
      'an INN in two groups',
      (s) => {
        s.carrierGroups[1]!.inns.push(s.carrierGroups[0]!.inns[0]!);
      },
      'carrierGroups.1.inns.2',
      /already in/,
    ],
    [
      'a malformed INN',
      (s) => {
        s.carrierGroups[0]!.inns.push('12345');
      },
      'carrierGroups.0.inns.1',
      /10 digits/,
    ],
    [
      'lines without a default line',
      (s) => {
        s.defaultTrunkId = '';
      },
      'defaultTrunkId',
      /Choose the default line/,
    ],
    [
      'a profile with no line',
      (s) => {
        s.profiles[0]!.allowedTrunkIds = [];
      },
      'profiles.0.allowedTrunkIds',
      /Allow at least/,
    ],
    [
      'a group name too long',
      (s) => {
        s.carrierGroups[0]!.name = 'М'.repeat(51);
      },
      'carrierGroups.0.name',
      /At most 50/,
    ],
  ])('refuses %s with a field-level message', (_name, mutate, field, message) => {
    const settings = clone();
    mutate(settings);
    const fields = fieldsOf(settings);
    expect(fields[field]).toMatch(message);
  });

  it('accepts the biggest document the limits allow', () => {
    const biggest = biggestSettings();
    expect(biggest.carrierGroups.flatMap((g) => g.inns)).toHaveLength(L.innsTotal);
    expect(biggest.profiles.flatMap((p) => p.departmentIds)).toHaveLength(L.departmentsTotal);
    expect(validateRoutingSettings(biggest)).toEqual(biggest);
  });

  it('refuses 20 000 lines by the cap alone, without reading each line', () => {
    const settings = clone();
    settings.trunks = range(20_000, (i) => ({ ...settings.trunks[0]!, id: `t${i}`, name: `L${i}` }));
    expect(fieldsOf(settings)).toEqual({ trunks: `Не больше ${L.trunks} / At most ${L.trunks}` });
  });

  it.each<[string, (s: RoutingSettings) => void, string, RegExp]>([
    [
      'one line too many',
      (s) => {
        s.trunks.push({ ...s.trunks[0]!, id: 'x', name: 'x', lineNumber: '1' });
      },
      'trunks',
      /At most 100$/,
    ],
    [
      'one SIM too many',
      (s) => {
        s.trunks[0]!.channels = L.simsPerLine + 1;
      },
      'trunks.0.channels',
      /At most 64/,
    ],
    [
      'one carrier group too many',
      (s) => {
        s.carrierGroups.push({ id: 'x', name: 'x', inns: [] });
      },
      'carrierGroups',
      /At most 100$/,
    ],
    [
      'one INN too many in a group',
      (s) => {
        s.carrierGroups[0]!.inns = range(L.innsPerGroup + 1, (i) => inn(i));
      },
      'carrierGroups.0.inns',
      /At most 500$/,
    ],
    [
      'one INN too many in all groups',
      (s) => {
        s.carrierGroups[0]!.inns.push(inn(99_999));
      },
      'carrierGroups',
      /At most 2000 INNs in all groups/,
    ],
    [
      'one profile too many',
      (s) => {
        s.profiles.push({ ...s.profiles[0]!, id: 'x', departmentIds: [] });
      },
      'profiles',
      /At most 100$/,
    ],
    [
      'one department too many in all profiles',
      (s) => {
        s.profiles[0]!.departmentIds.push('99999');
      },
      'profiles',
      /At most 2000 departments/,
    ],
    [
      'a department in two profiles',
      (s) => {
        s.profiles[1]!.departmentIds[0] = s.profiles[0]!.departmentIds[0]!;
      },
      'profiles.1.departmentIds.0',
      /already in "Профиль 0"/,
    ],
    [
      'a line allowed twice',
      (s) => {
        s.profiles[0]!.allowedTrunkIds[1] = 't0';
      },
      'profiles.0.allowedTrunkIds.1',
      /twice/,
    ],
    [
      'a repeated line id',
      (s) => {
        s.trunks[1]!.id = 't0';
      },
      'trunks.1.id',
      /Duplicate id/,
    ],
    [
      'a duplicate line number',
      (s) => {
        s.trunks[99]!.lineNumber = s.trunks[0]!.lineNumber;
      },
      'trunks.99.name',
      /unique/,
    ],
  ])('refuses %s past the limits (bilingual)', (_name, mutate, field, message) => {
    const settings = biggestSettings();
    mutate(settings);
    const fields = fieldsOf(settings);
    expect(fields[field]).toMatch(message);
    expect(fields[field]).toMatch(/^[^/]*[А-Яа-яЁё][^/]* \/ [^А-Яа-яЁё]*[A-Za-z]/);
  });

  it('refuses what is not settings at all', () => {
    expect(Object.keys(fieldsOf({ trunks: 'x' }))).toContain('trunks');
  });
});
