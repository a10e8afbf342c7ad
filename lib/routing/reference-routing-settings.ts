import { defaultCarrierGroups } from '../numbering/registry';
import { hrCaps, salesCaps } from './demo-routing-settings';
import type { CarrierGroup, DepartmentProfile, RoutingSettings, Trunk } from './types';

/**
 * The reference deployment at full size: the call centre of the product brief (100+ staff, ~5 000 outgoing calls a
 * day), the configuration `npm run simulate` and the savings dashboard are judged on. README "Reference configuration"
 * explains every number; in short:
 * - a line per federal carrier group (Beeline, MegaFon, MTS, T2 — call centres typically run GSM channels across the
 *   four federal carriers), groups as the admin page proposes them (MVNOs where the host network is reported);
 * - SIMs per line sized so a 5 000-call day fits inside the per-SIM caps: the busiest line (Beeline, which also takes
 *   landlines and unknown carriers as the default) needs ≈1 800 calls → 16 SIMs at 150 calls/SIM/day with headroom;
 *   the others ≈1 100–1 300 calls → 12 SIMs each — 52 SIMs, two 32-channel gateways;
 * - tariffs of business contracts: on-net minutes are included ("безлимит внутри сети"), so an on-net minute costs only
 *   the SIM's subscription spread over its month (≈1 200 ₽ / 6 000 min = 0.20 ₽); off-net minutes beyond the package
 *   cost 2.50 ₽ (business contracts charge ≈2.5–3 ₽ over the package);
 * - HR: exactly two numbers, one SIM each; per-SIM caps as in the compact configuration.
 * The compact configuration the tests use (five gateways, four SIMs per line) is demo-routing-settings.ts.
 */
export const referenceTariff = { onNetKopecks: 20, offNetKopecks: 250 } as const;

export const referenceCarrierGroups: CarrierGroup[] = defaultCarrierGroups.map((g) => ({
  id: g.id,
  name: g.name.ru,
  inns: [...g.memberInns],
}));

function trunk(
  id: string,
  name: string,
  lineNumber: string,
  carrierGroupId: string,
  channels: number,
  caps = salesCaps,
): Trunk {
  return {
    id,
    name,
    lineNumber,
    dial: `PJSIP/{number}@gw_${id}`,
    carrierGroupId,
    channels,
    caps,
    tariff: { ...referenceTariff },
    enabled: true,
  };
}

export const referenceTrunks: Trunk[] = [
  trunk('beeline', 'Билайн', '74950000001', 'beeline', 16),
  trunk('megafon', 'МегаФон', '74950000002', 'megafon', 12),
  trunk('mts', 'МТС', '74950000003', 'mts', 12),
  trunk('t2', 'T2', '74950000004', 't2', 12),
  trunk('hr1', 'HR-1', '74950000201', 'beeline', 1, hrCaps),
  trunk('hr2', 'HR-2', '74950000202', 'mts', 1, hrCaps),
];

export const referenceProfiles: DepartmentProfile[] = [
  {
    id: 'sales',
    kind: 'sales',
    name: 'Продажи',
    departmentIds: ['1'],
    allowedTrunkIds: ['beeline', 'megafon', 'mts', 't2'],
    defaultTrunkId: 'beeline',
  },
  { id: 'hr', kind: 'hr', name: 'HR', departmentIds: ['2'], allowedTrunkIds: ['hr1', 'hr2'], defaultTrunkId: 'hr1' },
];

export const referenceRoutingSettings: RoutingSettings = {
  trunks: referenceTrunks,
  carrierGroups: referenceCarrierGroups,
  profiles: referenceProfiles,
  defaultTrunkId: 'beeline',
};
