import { describe, expect, it } from 'vitest';
import { demoRoutingSettings } from '../routing/demo-routing-settings';
import type { RouteReason } from '../routing/route-reasons';
import { attributeLostSaving } from './attribute-lost-saving';
import { priceBaseline } from './price-baseline';
import { priceCall } from './price-call';
import { summarizeSavings } from './summarize-savings';

const tariff = { onNetKopecks: 60, offNetKopecks: 250 };
const trunks = demoRoutingSettings.trunks;

describe('priceCall: every started minute billed', () => {
  it.each([
    [0, true, 0],
    [1, true, 60],
    [60, true, 60],
    [61, true, 120],
    [61, false, 500],
    [179, false, 750],
  ])('%i s, onNet=%s → %i kopecks', (talkSec, onNet, expected) => {
    expect(priceCall({ talkSec, onNet, tariff })).toBe(expected);
  });
});

describe('priceBaseline: the same call through the default trunk (Билайн)', () => {
  it.each([
    ['beeline', 90, 120],
    ['mts', 90, 500],
    [null, 90, 500],
    ['mts', 0, 0],
  ])('client group %s, %i s → %i', (group, talkSec, expected) => {
    expect(priceBaseline({ talkSec, clientGroupId: group, settings: demoRoutingSettings })).toBe(expected);
  });
  it('no default trunk → no baseline', () => {
    expect(priceBaseline({ talkSec: 60, clientGroupId: 'mts', settings: { trunks, defaultTrunkId: '' } })).toBeNull();
  });
});

const chosen = (trunk: string): RouteReason => ({ code: 'chosen', trunk, via: 'globalDefault' });
const offNet = (reasons: RouteReason[], groupId?: string) => ({
  onNet: false,
  carrier: groupId ? { groupId } : null,
  trunk: { id: 'beeline' },
  number: { kind: 'mobile' },
  reasons,
});

describe('attributeLostSaving', () => {
  it.each([
    [
      'busy carrier line',
      offNet(
        [
          { code: 'carrier', group: 'МТС', source: 'registry' },
          { code: 'busy', trunk: 'МТС', busy: 4, channels: 4 },
          chosen('Билайн'),
        ],
        'mts',
      ),
      'busy',
    ],
    [
      'capped carrier line',
      offNet(
        [
          { code: 'carrier', group: 'МТС', source: 'registry' },
          { code: 'overCap', trunk: 'МТС', cap: 'callsPerDay' },
          chosen('Билайн'),
        ],
        'mts',
      ),
      'caps',
    ],
    ['unknown carrier', offNet([{ code: 'carrierUnknown' }, chosen('Билайн')]), 'unknownCarrier'],
    [
      'carrier outside groups',
      offNet([{ code: 'carrierOutsideGroups', inn: '1' }, chosen('Билайн')]),
      'unknownCarrier',
    ],
    [
      'no line of the group',
      offNet(
        [
          { code: 'carrier', group: 'T2', source: 'registry' },
          { code: 'noCarrierTrunk', group: 'T2' },
          chosen('Билайн'),
        ],
        't2',
      ),
      'noCarrierLine',
    ],
  ] as const)('%s → %s, cost minus the on-net cost', (_, decision, cause) => {
    expect(attributeLostSaving({ decision, talkSec: 90, costKopecks: 500, trunks })).toEqual({
      cause,
      kopecks: 500 - 120,
    });
  });
  it.each([
    ['on-net', { onNet: true, trunk: { id: 'mts' }, reasons: [] }, 90],
    [
      'landline',
      {
        onNet: false,
        trunk: { id: 'beeline' },
        number: { kind: 'geographic' },
        reasons: [{ code: 'numberKind', kind: 'geographic' } as RouteReason],
      },
      90,
    ],
    ['unanswered', offNet([{ code: 'busy', trunk: 'МТС', busy: 4, channels: 4 }], 'mts'), 0],
    [
      'manual pick',
      offNet(
        [
          { code: 'carrier', group: 'МТС', source: 'registry' },
          { code: 'chosen', trunk: 'Билайн', via: 'manual' },
        ],
        'mts',
      ),
      90,
    ],
    ['no decision', null, 90],
  ] as const)('%s → nothing lost', (_, decision, talkSec) => {
    expect(attributeLostSaving({ decision, talkSec, costKopecks: 500, trunks })).toBeNull();
  });
});

describe('summarizeSavings', () => {
  it('totals, ratio, on-net share and breakdown', () => {
    const summary = summarizeSavings({
      trunks,
      calls: [
        {
          talkSec: 90,
          costKopecks: 120,
          baselineCostKopecks: 500,
          decision: { onNet: true, trunk: { id: 'mts' }, reasons: [] },
        },
        {
          talkSec: 90,
          costKopecks: 500,
          baselineCostKopecks: 500,
          decision: offNet([{ code: 'busy', trunk: 'МТС', busy: 4, channels: 4 }], 'mts'),
        },
        {
          talkSec: 0,
          costKopecks: 0,
          baselineCostKopecks: 0,
          decision: { onNet: true, trunk: { id: 'mts' }, reasons: [] },
        },
      ],
    });
    expect(summary).toEqual({
      calls: 3,
      answered: 2,
      cost: 620,
      baselineCost: 1000,
      ratio: 1.61,
      onNetShare: 0.5,
      lostTo: { busy: 380, caps: 0, unknownCarrier: 0, noCarrierLine: 0 },
    });
  });
  it('nothing spent → no ratio', () => {
    expect(summarizeSavings({ trunks, calls: [] })).toMatchObject({ calls: 0, ratio: null, onNetShare: null });
  });
});
