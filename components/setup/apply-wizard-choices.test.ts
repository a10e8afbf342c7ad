import { describe, expect, it } from 'vitest';
import { suggestCarrierGroups } from '@/components/admin/suggest-carrier-groups';
import { proposeLines } from '@/lib/asterisk/discover/propose-lines';
import type { RoutingSettings } from '@/lib/routing/types';
import { addProposedLine, applyDepartmentChoice, linkLinesToGroups } from './apply-wizard-choices';

const empty: RoutingSettings = { trunks: [], carrierGroups: [], profiles: [], defaultTrunkId: '' };
const proposals = proposeLines([
  { technology: 'PJSIP', name: 'gw_beeline' },
  { technology: 'PJSIP', name: 'gw_mts' },
  { technology: 'IAX2', name: 'MegaFon-IAX' },
]);

describe('the wizard on an empty portal', () => {
  it('lines first: added once each, the first is the default, no group yet', () => {
    let s = empty;
    for (const [i, line] of proposals.entries()) s = addProposedLine(s, line, `new-${i}`);
    s = addProposedLine(s, proposals[0]!, 'new-again');
    expect(s.trunks.map((t) => [t.name, t.dial, t.carrierGroupId])).toEqual([
      ['Билайн', 'PJSIP/{number}@gw_beeline', ''],
      ['МТС', 'PJSIP/{number}@gw_mts', ''],
      ['МегаФон', 'IAX2/MegaFon-IAX/{number}', ''],
    ]);
    expect(s.defaultTrunkId).toBe('new-0');
  });

  it('groups after lines: each line joins its carrier group', () => {
    let s = empty;
    for (const [i, line] of proposals.entries()) s = addProposedLine(s, line, `new-${i}`);
    s = { ...s, carrierGroups: suggestCarrierGroups([], 'ru', (key) => `g-${key}`) };
    s = linkLinesToGroups(s);
    expect(s.trunks.map((t) => t.carrierGroupId)).toEqual(['g-beeline', 'g-mts', 'g-megafon']);
  });

  it('groups before lines: a line added later is in its group at once; a line of no carrier stays ungrouped', () => {
    let s: RoutingSettings = { ...empty, carrierGroups: suggestCarrierGroups([], 'ru', (key) => `g-${key}`) };
    s = addProposedLine(s, proposals[1]!, 'new-mts');
    s = {
      ...s,
      trunks: [
        ...s.trunks,
        { ...s.trunks[0]!, id: 'hr', name: 'HR', dial: 'PJSIP/{number}@gw_hr1', carrierGroupId: '' },
      ],
    };
    s = linkLinesToGroups(s);
    expect(s.trunks.map((t) => [t.id, t.carrierGroupId])).toEqual([
      ['new-mts', 'g-mts'],
      ['hr', ''],
    ]);
  });
});

describe('applyDepartmentChoice', () => {
  const base: RoutingSettings = {
    ...empty,
    trunks: ['a', 'b', 'hr1', 'hr2'].map((id) => ({
      id,
      name: id,
      lineNumber: id,
      dial: `PJSIP/{number}@${id}`,
      carrierGroupId: '',
      channels: 1,
      caps: { callsPerDay: null, minutesPerDay: null, minutesPerMonth: null, minGapSeconds: null },
      tariff: { onNetKopecks: 0, offNetKopecks: 0 },
      enabled: true,
    })),
    defaultTrunkId: 'b',
  };
  const names = { sales: 'Продажи', hr: 'HR' };

  it.each([
    [
      'both departments',
      { salesDepartmentId: '1', hrDepartmentId: '2', hrTrunkIds: ['hr1', 'hr2'] as [string, string], names },
      [
        ['sales', ['1'], ['a', 'b'], 'b'],
        ['hr', ['2'], ['hr1', 'hr2'], 'hr1'],
      ],
    ],
    [
      'the default line is one of HR’s: Sales starts from its first line',
      { salesDepartmentId: '1', hrDepartmentId: '', hrTrunkIds: ['b', ''] as [string, string], names },
      [['sales', ['1'], ['a', 'hr1', 'hr2'], 'a']],
    ],
    [
      'nothing picked',
      { salesDepartmentId: '', hrDepartmentId: '', hrTrunkIds: ['', ''] as [string, string], names },
      [],
    ],
  ])('%s', (_, choice, expected) => {
    const s = applyDepartmentChoice(base, choice);
    expect(s.profiles.map((p) => [p.kind, p.departmentIds, p.allowedTrunkIds, p.defaultTrunkId])).toEqual(expected);
  });

  it('keeps the profiles’ ids and names, and the profiles of other kinds', () => {
    const s = applyDepartmentChoice(
      {
        ...base,
        profiles: [
          {
            id: '7',
            kind: 'sales',
            name: 'Отдел продаж',
            departmentIds: ['9'],
            allowedTrunkIds: ['a'],
            defaultTrunkId: 'a',
          },
          { id: '8', kind: 'other', name: 'Склад', departmentIds: ['5'], allowedTrunkIds: ['a'], defaultTrunkId: 'a' },
        ],
      },
      { salesDepartmentId: '1', hrDepartmentId: '', hrTrunkIds: ['', ''], names },
    );
    expect(s.profiles.map((p) => [p.id, p.name, p.kind])).toEqual([
      ['7', 'Отдел продаж', 'sales'],
      ['8', 'Склад', 'other'],
    ]);
  });
});
