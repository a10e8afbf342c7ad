import type { RouteDecision } from '../routing/decide-route';
import type { RouteReason } from '../routing/route-reasons';

const REFUSALS = new Set<RouteReason['code']>(['manualUnknown', 'manualNotAllowed', 'manualDisabled']);

/** Why the manager's own line was not used (unknown, not allowed for their department, disabled), if it was not. */
export function refusedLineReason(decision: RouteDecision): RouteReason | undefined {
  return decision.reasons.find((reason) => REFUSALS.has(reason.code));
}
