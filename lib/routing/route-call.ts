import type { Db } from '../db/client';
import { getActiveRegistry } from '../numbering/get-active-registry';
import { resolveCarrier } from '../numbering/resolve-carrier';
import { decideRoute, type RouteDecision } from './decide-route';
import { getRoutingContext } from './settings/get-routing-context';
import type { Caller, OccupancyByTrunk, ResolvedCarrier, UsageByTrunk } from './types';

export type RouteCallOptions = {
  portalId: number;
  number: string;
  /** The manager's extension; unknown or missing → a caller without a department profile. */
  extension?: string;
  /** Used when the caller is known by department rather than by extension (the CLI's default Sales caller). */
  caller?: Caller;
  requestedLine?: string | null;
  occupancy?: OccupancyByTrunk;
  usage?: UsageByTrunk;
  now?: number;
  db?: Db;
};

/** The routing decision for one call of one portal: its cached settings and callers, the active registry. */
export async function routeCall(options: RouteCallOptions): Promise<RouteDecision> {
  const [context, registry] = await Promise.all([getRoutingContext({ portalId: options.portalId, db: options.db }), getActiveRegistry()]);
  const caller = options.caller ?? (options.extension ? context.callers.get(options.extension) : undefined) ?? { extension: options.extension, departmentIds: [] };
  return decideRoute({
    number: options.number,
    caller,
    requestedLine: options.requestedLine,
    occupancy: options.occupancy,
    usage: options.usage,
    settings: context.compiled,
    now: options.now ?? Date.now(),
    resolveCarrier: (e164): ResolvedCarrier | null => {
      const found = resolveCarrier({ e164, index: registry.index, overrides: context.overrides, ported: context.ported });
      return found?.inn ? { inn: found.inn, source: found.source, operator: found.operator, range: found.range ?? undefined } : null;
    },
  });
}
