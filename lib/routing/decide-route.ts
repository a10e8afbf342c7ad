import { AppError } from '../errors/app-error';
import { normalizePhoneNumber, type PhoneNumberKind } from '../numbering/phone';
import { phoneNumberRejectionMessages } from '../numbering/phone';
import { assessTrunkCapacity } from './assess-trunk-capacity';
import { candidatePlan, type Candidate, type CompiledRoutingSettings } from './compile-routing-settings';
import type { RouteReason, RouteVia } from './route-reasons';
import type {
  Caller,
  CarrierGroup,
  CarrierSource,
  DepartmentProfile,
  OccupancyByTrunk,
  ReservedByTrunk,
  ResolvedCarrier,
  Trunk,
  UsageByTrunk,
} from './types';

export type DecideRouteOptions = {
  /** As typed or received: normalised here. */
  number: string;
  caller: Caller;
  /** The line the manager picked in the call card (LINE_NUMBER or trunk name); empty/"auto" = decide by carrier. */
  requestedLine?: string | null;
  occupancy?: OccupancyByTrunk;
  usage?: UsageByTrunk;
  /**
   * Lines whose gateway the PBX sees as unreachable right now (trunk ids): never chosen, not even as a fallback —
   * unless every line the call may take is, which is what a PBX that has just started reports.
   */
  unreachable?: ReadonlySet<string>;
  /** SIMs held by earlier decisions whose calls are not up yet. */
  reserved?: ReservedByTrunk;
  settings: CompiledRoutingSettings;
  resolveCarrier: (e164: string) => ResolvedCarrier | null;
  now: number;
};

export type TrunkChoice = {
  id: string;
  name: string;
  /** What dials: the SIM's own template when the line has them (Trunk.simDials), else the line's (Trunk.dial). */
  dial: string;
  /** True when `dial` addresses SIM `sim` itself; false when the gateway picks the port (`sim` is bookkeeping). */
  simDial: boolean;
  lineNumber: string;
  carrierGroupId: string;
  sim: number;
};

export type RouteDecision = {
  number: { e164: string; kind: PhoneNumberKind };
  profile: { id: string; kind: DepartmentProfile['kind']; name: string } | null;
  carrier: { inn: string; source: CarrierSource; operator?: string; groupId?: string; groupName?: string } | null;
  trunk: TrunkChoice | null;
  via: RouteVia | null;
  /** True when the chosen trunk's carrier group is the client's: the cheap, on-net case. */
  onNet: boolean;
  /** Other lines with capacity, in order, for the dialplan to try if the chosen one fails. */
  fallbacks: TrunkChoice[];
  reasons: RouteReason[];
};

const MAX_FALLBACKS = 3;
const AUTO_LINES = new Set(['', 'auto', '0']);

/**
 * The routing policy, pure: the same inputs always give the same decision.
 * Order of preference: the manager's manual choice (if their department may use it) → the department's line of the
 * client's carrier group → the department default → the global default → any other line the department may use.
 * A line is skipped when all its SIMs are busy or at a limit; HR (and every profile) never leaves its allowed lines.
 */
export function decideRoute(options: DecideRouteOptions): RouteDecision {
  const { caller, settings: compiled, now } = options;
  const normalized = normalizePhoneNumber(options.number);
  if (!normalized.ok) {
    const text = phoneNumberRejectionMessages[normalized.reason];
    throw new AppError('INVALID_INPUT', `${text.ru} / ${text.en}`, { number: normalized.reason });
  }
  const reasons: RouteReason[] = [];
  const profile = findProfile(compiled, caller);
  reasons.push(profile ? { code: 'profile', profile: profile.name } : { code: 'noProfile' });
  const allowed = profile ? compiled.allowedTrunkIds.get(profile.id)! : compiled.unassignedAllowed;
  const byGroup = profile ? compiled.allowedByProfileAndGroup.get(profile.id)! : compiled.unassignedByGroup;

  let carrier: RouteDecision['carrier'] = null;
  let group: CarrierGroup | undefined;
  if (normalized.kind === 'mobile') {
    const resolved = options.resolveCarrier(normalized.e164);
    if (resolved) {
      group = compiled.groupByInn.get(resolved.inn);
      carrier = {
        inn: resolved.inn,
        source: resolved.source,
        operator: resolved.operator,
        groupId: group?.id,
        groupName: group?.name,
      };
      reasons.push(
        group
          ? {
              code: 'carrier',
              group: group.name,
              source: resolved.source,
              operator: resolved.operator,
              def: resolved.range?.def,
            }
          : { code: 'carrierOutsideGroups', inn: resolved.inn, operator: resolved.operator },
      );
    } else reasons.push({ code: 'carrierUnknown' });
  } else reasons.push({ code: 'numberKind', kind: normalized.kind });

  let manual: Trunk | undefined;
  const line = options.requestedLine?.trim() ?? '';
  if (!AUTO_LINES.has(line.toLowerCase())) {
    const picked = compiled.trunkByLine.get(line);
    if (!picked) reasons.push({ code: 'manualUnknown', line });
    else if (!allowed.has(picked.id))
      reasons.push({ code: 'manualNotAllowed', trunk: picked.name, profile: profile?.name ?? '—' });
    else if (!picked.enabled) reasons.push({ code: 'manualDisabled', trunk: picked.name });
    else manual = picked;
  }
  if (group && !byGroup.has(group.id)) reasons.push({ code: 'noCarrierTrunk', group: group.name });
  const plan = candidatePlan(compiled, profile, group);
  const candidates: readonly Candidate[] = manual
    ? [{ trunk: manual, via: 'manual' }, ...plan.filter((c) => c.trunk !== manual)]
    : plan;

  // A PBX that has just started reports its gateways unavailable until it has qualified them: when no candidate line
  // is reachable the states say nothing yet, and the dialplan's failover copes with a gateway that really is down.
  const unreachable = candidates.some(({ trunk }) => trunk.enabled && !options.unreachable?.has(trunk.id))
    ? options.unreachable
    : undefined;
  let chosen: { choice: TrunkChoice; via: RouteVia } | null = null;
  const fallbacks: TrunkChoice[] = [];
  for (const { trunk, via } of candidates) {
    if (trunk.enabled && unreachable?.has(trunk.id)) {
      if (!chosen) reasons.push({ code: 'unreachable', trunk: trunk.name });
      continue;
    }
    const capacity = assessTrunkCapacity({
      trunk,
      sims: options.usage?.[trunk.id],
      busyChannels: options.occupancy?.[trunk.id],
      reserved: options.reserved?.[trunk.id],
      now,
    });
    if (capacity.available) {
      const choice = toChoice(trunk, capacity.sim);
      if (!chosen) chosen = { choice, via };
      else if (fallbacks.length < MAX_FALLBACKS) fallbacks.push(choice);
      else break;
    } else if (!chosen) {
      if (capacity.why === 'busy')
        reasons.push({ code: 'busy', trunk: trunk.name, busy: capacity.busy, channels: capacity.channels });
      else if (capacity.why === 'overCap') reasons.push({ code: 'overCap', trunk: trunk.name, cap: capacity.cap });
      else if (capacity.why === 'simsDisabled')
        reasons.push({ code: 'simsDisabled', trunk: trunk.name, disabled: capacity.disabled });
      else reasons.push({ code: 'disabled', trunk: trunk.name });
    }
  }
  reasons.push(
    chosen
      ? { code: 'chosen', trunk: chosen.choice.name, via: chosen.via }
      : noChoiceReason(compiled, profile, candidates),
  );

  return {
    number: { e164: normalized.e164, kind: normalized.kind },
    profile: profile ? { id: profile.id, kind: profile.kind, name: profile.name } : null,
    carrier,
    trunk: chosen?.choice ?? null,
    via: chosen?.via ?? null,
    onNet: !!chosen && !!group && chosen.choice.carrierGroupId === group.id,
    fallbacks,
    reasons,
  };
}

/** Why nothing was chosen: busy lines and missing lines need different fixes, so they read differently. */
function noChoiceReason(
  compiled: CompiledRoutingSettings,
  profile: DepartmentProfile | undefined,
  candidates: readonly Candidate[],
): RouteReason {
  if (!compiled.settings.trunks.some((trunk) => trunk.enabled)) return { code: 'noLines' };
  if (candidates.length === 0) return { code: 'noAllowedLines', profile: profile?.name ?? '—' };
  return { code: 'nothingAvailable' };
}

/** The caller's strictest profile: HR wins over Sales when a person sits in both (see compileRoutingSettings). */
function findProfile(compiled: CompiledRoutingSettings, caller: Caller): DepartmentProfile | undefined {
  let found: DepartmentProfile | undefined;
  for (const department of caller.departmentIds) {
    const profile = compiled.profileByDepartment.get(department);
    if (profile && (!found || (profile.kind === 'hr' && found.kind !== 'hr'))) found = profile;
  }
  return found;
}

function toChoice(trunk: Trunk, sim: number): TrunkChoice {
  const simDial = trunk.simDials?.[sim];
  return {
    id: trunk.id,
    name: trunk.name,
    dial: simDial || trunk.dial,
    simDial: !!simDial,
    lineNumber: trunk.lineNumber,
    carrierGroupId: trunk.carrierGroupId,
    sim,
  };
}
