import type { CarrierGroup, DepartmentProfile, RoutingSettings, SimCaps, Trunk } from './types';

/**
 * The reference deployment (a call centre with Beeline, MegaFon and MTS gateways, Sales and HR), used by
 * `npm run seed -- demo`, the tests and the simulation. Bitrix24 department ids: 1 = Sales, 2 = HR.
 * Tariffs (kopecks/min) follow typical business contracts: on-net ≈ 0.6 ₽, off-net ≈ 2.5 ₽ — configurable per contract.
 */
export const salesCaps: SimCaps = { callsPerDay: 150, minutesPerDay: 300, minutesPerMonth: 6000, minGapSeconds: 2 };
export const hrCaps: SimCaps = { callsPerDay: 100, minutesPerDay: 240, minutesPerMonth: 4000, minGapSeconds: 2 };
const tariff = { onNetKopecks: 60, offNetKopecks: 250 };

export const INN = {
  mts: '7740000076',
  megafon: '7812014560',
  beeline: '7713076301',
  t2: '7743895280',
  tMobile: '7743200179',
  yota: '7701725181',
  sber: '7736264044',
} as const;

export const demoCarrierGroups: CarrierGroup[] = [
  { id: 'beeline', name: 'Билайн', inns: [INN.beeline] },
  { id: 'megafon', name: 'МегаФон', inns: [INN.megafon, INN.yota] },
  { id: 'mts', name: 'МТС', inns: [INN.mts] },
  { id: 't2', name: 'T2', inns: [INN.t2, INN.tMobile, INN.sber] },
];

function trunk(
  id: string,
  name: string,
  lineNumber: string,
  dial: string,
  carrierGroupId: string,
  channels: number,
  caps = salesCaps,
): Trunk {
  return { id, name, lineNumber, dial, carrierGroupId, channels, caps, tariff, enabled: true };
}

export const demoTrunks: Trunk[] = [
  trunk('beeline', 'Билайн', '74950000001', 'PJSIP/{number}@gw_beeline', 'beeline', 4),
  trunk('megafon', 'МегаФон', '74950000002', 'PJSIP/{number}@gw_megafon', 'megafon', 4),
  trunk('mts', 'МТС', '74950000003', 'PJSIP/{number}@gw_mts', 'mts', 4),
  trunk('hr1', 'HR-1', '74950000201', 'PJSIP/{number}@gw_hr1', 'beeline', 1, hrCaps),
  trunk('hr2', 'HR-2', '74950000202', 'PJSIP/{number}@gw_hr2', 'mts', 1, hrCaps),
];

export const demoProfiles: DepartmentProfile[] = [
  {
    id: 'sales',
    kind: 'sales',
    name: 'Продажи',
    departmentIds: ['1'],
    allowedTrunkIds: ['beeline', 'megafon', 'mts'],
    defaultTrunkId: 'beeline',
  },
  { id: 'hr', kind: 'hr', name: 'HR', departmentIds: ['2'], allowedTrunkIds: ['hr1', 'hr2'], defaultTrunkId: 'hr1' },
];

export const demoRoutingSettings: RoutingSettings = {
  trunks: demoTrunks,
  carrierGroups: demoCarrierGroups,
  profiles: demoProfiles,
  defaultTrunkId: 'beeline',
};
