import type { RouteVia } from './route-reasons';
import type { CarrierGroup, DepartmentProfile, RoutingSettings, Trunk } from './types';

export type Candidate = { readonly trunk: Trunk; readonly via: RouteVia };

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
  /** Memo of candidatePlan per profile and carrier group: the order never changes between saves. */
  plans: Map<string, Map<string, readonly Candidate[]>>;
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
    for (const department of profile.departmentIds)
      if (!profileByDepartment.has(department)) profileByDepartment.set(department, profile);
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
    plans: new Map(),
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

/**
 * The lines to try for a caller's profile and the client's carrier group, best first, each allowed for the profile
 * and listed once: the carrier group's lines → the profile default → the global default → any other allowed line.
 * (The manager's manual choice goes in front of this per call.) Memoised: the decision runs a million times a second.
 */
export function candidatePlan(
  compiled: CompiledRoutingSettings,
  profile: DepartmentProfile | undefined,
  group: CarrierGroup | undefined,
): readonly Candidate[] {
  // Nested maps, not a joined string key: building the key allocated on every call.
  let byProfile = compiled.plans.get(profile?.id ?? '');
  if (!byProfile) compiled.plans.set(profile?.id ?? '', (byProfile = new Map()));
  const memo = byProfile.get(group?.id ?? '');
  if (memo) return memo;
  const allowed = profile ? compiled.allowedTrunkIds.get(profile.id)! : compiled.unassignedAllowed;
  const byGroup = profile ? compiled.allowedByProfileAndGroup.get(profile.id)! : compiled.unassignedByGroup;
  const plan: Candidate[] = [];
  const add = (trunk: Trunk | undefined, via: RouteVia) => {
    if (trunk && allowed.has(trunk.id) && !plan.some((c) => c.trunk === trunk)) plan.push({ trunk, via });
  };
  if (group) for (const trunk of byGroup.get(group.id) ?? []) add(trunk, 'carrier');
  if (profile) add(compiled.trunkById.get(profile.defaultTrunkId), 'profileDefault');
  add(compiled.trunkById.get(compiled.settings.defaultTrunkId), 'globalDefault');
  for (const trunk of compiled.settings.trunks) add(trunk, 'otherAllowed');
  byProfile.set(group?.id ?? '', plan);
  return plan;
}
