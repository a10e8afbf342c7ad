import type { CarrierGroup, DepartmentProfile, RoutingSettings, Trunk } from './types';

/**
 * Settings indexed for the decision's hot path: every lookup the decision makes is one Map.get.
 * Built once when the settings change, not per call.
 */
export type CompiledRoutingSettings = {
  settings: RoutingSettings;
  trunkById: Map<string, Trunk>;
  /** By Bitrix24 line NUMBER and by name, for the manager's manual choice. */
  trunkByLine: Map<string, Trunk>;
  groupById: Map<string, CarrierGroup>;
  groupByInn: Map<string, CarrierGroup>;
  profileByDepartment: Map<string, DepartmentProfile>;
  /** Per profile: its allowed trunks grouped by carrier group, in the admin's order. */
  allowedByProfileAndGroup: Map<string, Map<string, Trunk[]>>;
  allowedTrunkIds: Map<string, Set<string>>;
  /** Callers without a profile may use every trunk that no HR profile owns. */
  unassignedAllowed: Set<string>;
  unassignedByGroup: Map<string, Trunk[]>;
};

/** HR before everything else: when a person sits in both an HR and a Sales department, HR's restriction must hold. */
const kindPriority: Record<DepartmentProfile['kind'], number> = { hr: 0, sales: 1, other: 2 };

export function compileRoutingSettings(settings: RoutingSettings): CompiledRoutingSettings {
  const trunkById = new Map(settings.trunks.map((t) => [t.id, t]));
  const trunkByLine = new Map<string, Trunk>();
  for (const trunk of settings.trunks) {
    trunkByLine.set(trunk.name, trunk);
    trunkByLine.set(trunk.lineNumber, trunk);
  }
  const groupById = new Map(settings.carrierGroups.map((g) => [g.id, g]));
  const groupByInn = new Map<string, CarrierGroup>();
  for (const group of settings.carrierGroups) for (const inn of group.inns) groupByInn.set(inn, group);

  const profileByDepartment = new Map<string, DepartmentProfile>();
  const ordered = [...settings.profiles].sort((a, b) => kindPriority[a.kind] - kindPriority[b.kind]);
  for (const profile of ordered) {
    for (const department of profile.departmentIds) if (!profileByDepartment.has(department)) profileByDepartment.set(department, profile);
  }

  const allowedTrunkIds = new Map<string, Set<string>>();
  const allowedByProfileAndGroup = new Map<string, Map<string, Trunk[]>>();
  for (const profile of settings.profiles) {
    const allowed = profile.allowedTrunkIds.map((id) => trunkById.get(id)).filter((t): t is Trunk => t !== undefined);
    allowedTrunkIds.set(profile.id, new Set(allowed.map((t) => t.id)));
    allowedByProfileAndGroup.set(profile.id, groupTrunks(allowed));
  }

  const hrOwned = new Set(settings.profiles.filter((p) => p.kind === 'hr').flatMap((p) => p.allowedTrunkIds));
  const unassigned = settings.trunks.filter((t) => !hrOwned.has(t.id));
  return {
    settings,
    trunkById,
    trunkByLine,
    groupById,
    groupByInn,
    profileByDepartment,
    allowedByProfileAndGroup,
    allowedTrunkIds,
    unassignedAllowed: new Set(unassigned.map((t) => t.id)),
    unassignedByGroup: groupTrunks(unassigned),
  };
}

function groupTrunks(trunks: Trunk[]): Map<string, Trunk[]> {
  const byGroup = new Map<string, Trunk[]>();
  for (const trunk of trunks) {
    const list = byGroup.get(trunk.carrierGroupId);
    if (list) list.push(trunk);
    else byGroup.set(trunk.carrierGroupId, [trunk]);
  }
  return byGroup;
}
