import type { Db } from '../db/client';
import { getCarrierLookupService } from '../numbering/store';
import { resolveCarrier } from '../numbering/carrier';
import { getNumberingData } from '../numbering/store';
import { decideRoute, type RouteDecision } from './decide-route';
import { getRoutingContext } from './settings/get-routing-context';
import type { SimReservations } from './sim-reservations';
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
  /** Trunk ids whose gateway is unreachable now (AMI device state). */
  unreachable?: readonly string[];
  /**
   * The deciding process's reservation table: read and written in the same synchronous step as the decision, so
   * concurrent calls never take the same free SIM between the decision and their channel showing up.
   */
  reservations?: SimReservations;
  now?: number;
  db?: Db;
};

/**
 * The routing decision for one call of one portal: its cached settings, callers and admin overrides, the numbering
 * data in force (registry, ported numbers, learned overrides). A mobile number without an override is also handed to
 * the lookup service, if one is configured — in the background: this call routes by what is known now, later calls
 * use the answer.
 */
export async function routeCall(options: RouteCallOptions): Promise<RouteDecision> {
  const [context, numbering] = await Promise.all([
    getRoutingContext({ portalId: options.portalId, db: options.db }),
    getNumberingData({ db: options.db }),
  ]);
  const lookupService = getCarrierLookupService();
  const caller = options.caller ??
    (options.extension ? context.callers.get(options.extension) : undefined) ?? {
      extension: options.extension,
      departmentIds: [],
    };
  const now = options.now ?? Date.now();
  const decision = decideRoute({
    number: options.number,
    caller,
    requestedLine: options.requestedLine,
    occupancy: options.occupancy,
    usage: options.usage,
    unreachable: options.unreachable?.length ? new Set(options.unreachable) : undefined,
    reserved: options.reservations?.held(options.usage, now),
    settings: context.compiled,
    now,
    resolveCarrier: (e164): ResolvedCarrier | null => {
      const found = resolveCarrier({
        e164,
        index: numbering.index,
        ported: numbering.ported?.index ?? null,
        portalOverrides: context.overrides,
        overrides: numbering.overrides,
      });
      if (lookupService && found?.source !== 'override' && e164.charCodeAt(1) === 57 /* 9: mobile */)
        lookupService.request(e164);
      return found?.inn
        ? { inn: found.inn, source: found.source, operator: found.operator, range: found.range ?? undefined }
        : null;
    },
  });
  if (decision.trunk) options.reservations?.hold(decision.trunk.id, decision.trunk.sim, now);
  return decision;
}
