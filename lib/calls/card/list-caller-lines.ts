import type { RoutingContext } from '../../routing/settings/get-routing-context';
import type { DepartmentProfile, OccupancyByTrunk } from '../../routing/types';

export type CardLine = {
  lineNumber: string;
  name: string;
  channels: number;
  busy: number | null;
  carrierGroup: string | null;
};

export type ListCallerLinesOptions = {
  context: RoutingContext;
  extension: string | null;
  occupancy?: OccupancyByTrunk;
};

/**
 * The lines this manager may pick in the card, in the admin's order: their profile's allowed trunks (HR: its two
 * numbers), or every line no HR profile owns when they have no profile — the same sets the routing decision enforces.
 */
export function listCallerLines({ context, extension, occupancy }: ListCallerLinesOptions): CardLine[] {
  const { compiled } = context;
  const caller = extension ? context.callers.get(extension) : undefined;
  let profile: DepartmentProfile | undefined;
  for (const department of caller?.departmentIds ?? []) {
    const found = compiled.profileByDepartment.get(department);
    // HR wins over Sales for a person in both, as in decideRoute.
    if (found && (!profile || (found.kind === 'hr' && profile.kind !== 'hr'))) profile = found;
  }
  const allowed = profile
    ? (compiled.allowedTrunkIds.get(profile.id) ?? new Set<string>())
    : compiled.unassignedAllowed;
  return compiled.settings.trunks
    .filter((trunk) => trunk.enabled && allowed.has(trunk.id))
    .map((trunk) => ({
      lineNumber: trunk.lineNumber,
      name: trunk.name,
      channels: trunk.channels,
      busy: occupancy ? (occupancy[trunk.id] ?? 0) : null,
      carrierGroup: compiled.groupById.get(trunk.carrierGroupId)?.name ?? null,
    }));
}
