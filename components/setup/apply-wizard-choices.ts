import { carrierOfName } from '@/lib/asterisk/discover/propose-lines';
import type { ProposedCarrier, ProposedLine } from '@/lib/asterisk/discover/types';
import { defaultCarrierGroups } from '@/lib/numbering/registry';
import { dialResource } from '@/lib/routing/dial-template/check-dial-template';
import type { RoutingSettings, Trunk } from '@/lib/routing/types';

const NO_CAPS = { callsPerDay: null, minutesPerDay: null, minutesPerMonth: null, minGapSeconds: null };
const TARIFF = { onNetKopecks: 60, offNetKopecks: 250 };

/** The group holding a carrier's own ИНН (as the registry defaults fill it), or '' while there is none. */
function groupOfCarrier(settings: RoutingSettings, carrier: string | null): string {
  const hostInn = defaultCarrierGroups.find((suggestion) => suggestion.id === carrier)?.hostInn;
  return (hostInn && settings.carrierGroups.find((group) => group.inns.includes(hostInn))?.id) || '';
}

/** The carrier a line's trunk or name says (`PJSIP/{number}@gw_mts` → mts). */
const carrierOfTrunk = (trunk: Pick<Trunk, 'dial' | 'name'>) =>
  carrierOfName(dialResource(trunk.dial.slice(trunk.dial.indexOf('/') + 1)) ?? '') ?? carrierOfName(trunk.name);

/**
 * A proposed line added to the draft (once per dial template), in its carrier's group when that exists; the first
 * line becomes the default line. The Bitrix24 line number is left for the admin to type.
 */
export function addProposedLine(
  settings: RoutingSettings,
  line: Omit<ProposedLine, 'carrier'> & { carrier: ProposedCarrier | null },
  id: string,
): RoutingSettings {
  if (settings.trunks.some((trunk) => trunk.dial === line.dial)) return settings;
  const trunk: Trunk = {
    id,
    name: settings.trunks.some((t) => t.name === line.name) ? `${line.name} (${line.endpoint.name})` : line.name,
    lineNumber: '',
    dial: line.dial,
    carrierGroupId: groupOfCarrier(settings, line.carrier ?? carrierOfTrunk(line)),
    channels: 1,
    caps: NO_CAPS,
    tariff: TARIFF,
    enabled: true,
  };
  return {
    ...settings,
    trunks: [...settings.trunks, trunk],
    defaultTrunkId: settings.trunks.length === 0 ? id : settings.defaultTrunkId,
  };
}

/** Lines still without a group join the group of the carrier their trunk is named after (after groups are made). */
export function linkLinesToGroups(settings: RoutingSettings): RoutingSettings {
  return {
    ...settings,
    trunks: settings.trunks.map((trunk) =>
      trunk.carrierGroupId !== ''
        ? trunk
        : { ...trunk, carrierGroupId: groupOfCarrier(settings, carrierOfTrunk(trunk)) },
    ),
  };
}

export type DepartmentChoice = {
  salesDepartmentId: string;
  hrDepartmentId: string;
  /** HR's two numbers: the two lines HR calls through. */
  hrTrunkIds: [string, string];
  names: { sales: string; hr: string };
};

/**
 * The Sales and HR profiles from the wizard's picks: HR calls only through its two lines; Sales through every other
 * line, starting from the default line. Profiles of other kinds stay as they are.
 */
export function applyDepartmentChoice(settings: RoutingSettings, choice: DepartmentChoice): RoutingSettings {
  const hrTrunks = choice.hrTrunkIds.filter(Boolean);
  const salesTrunks = settings.trunks.map((t) => t.id).filter((id) => !hrTrunks.includes(id));
  const existing = (kind: 'sales' | 'hr') => settings.profiles.find((p) => p.kind === kind);
  const profiles = settings.profiles.filter((p) => p.kind === 'other');
  if (choice.salesDepartmentId)
    profiles.unshift({
      id: existing('sales')?.id ?? 'new-profile-sales',
      kind: 'sales',
      name: existing('sales')?.name ?? choice.names.sales,
      departmentIds: [choice.salesDepartmentId],
      allowedTrunkIds: salesTrunks,
      defaultTrunkId: salesTrunks.includes(settings.defaultTrunkId) ? settings.defaultTrunkId : (salesTrunks[0] ?? ''),
    });
  if (choice.hrDepartmentId)
    profiles.push({
      id: existing('hr')?.id ?? 'new-profile-hr',
      kind: 'hr',
      name: existing('hr')?.name ?? choice.names.hr,
      departmentIds: [choice.hrDepartmentId],
      allowedTrunkIds: hrTrunks,
      defaultTrunkId: hrTrunks[0] ?? '',
    });
  return { ...settings, profiles };
}
