import { demoRoutingSettings } from '../routing/demo-routing-settings';
import type { RoutingSettings } from '../routing/types';

/**
 * The reference deployment plus what its savings breakdown asks for: a T2 line (the reference has none, so every
 * T2/Tele2 client goes off-net through the default trunk) and more SIMs per carrier line (4 SIMs at the reference
 * caps cannot carry a busy call centre's day). Same tariffs — only lines and SIMs are added.
 */
export function fullCoverageSettings(simsPerLine = 12): RoutingSettings {
  const settings = structuredClone(demoRoutingSettings);
  const sales = settings.trunks.filter((t) => ['beeline', 'megafon', 'mts'].includes(t.id));
  for (const trunk of sales) trunk.channels = simsPerLine;
  settings.trunks.push({ ...structuredClone(sales[0]!), id: 't2', name: 'T2', lineNumber: '74950000004', dialTarget: 'gw_t2', carrierGroupId: 't2' });
  const salesProfile = settings.profiles.find((p) => p.kind === 'sales')!;
  salesProfile.allowedTrunkIds.push('t2');
  return settings;
}
