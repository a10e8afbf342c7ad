import type { CapName } from './route-reasons';
import type { SimUsage, Trunk } from './types';

export type TrunkCapacity =
  | { available: true; sim: number; free: number }
  | { available: false; why: 'disabled' }
  | { available: false; why: 'busy'; busy: number; channels: number }
  | { available: false; why: 'overCap'; cap: CapName }
  | { available: false; why: 'simsDisabled'; disabled: number };

export type AssessTrunkCapacityOptions = {
  trunk: Trunk;
  /** Per-SIM usage, index = SIM slot; missing = unused today. */
  sims: readonly SimUsage[] | undefined;
  /** Live busy channels when only a count is known (AMI); may exceed the SIMs marked busy. */
  busyChannels: number | undefined;
  /** SIM slots held by decisions whose calls are not up yet: taken, though no channel shows it. */
  reserved?: readonly number[];
  now: number;
};

const SECONDS_PER_MINUTE = 60;

/**
 * Can this trunk take one more call without breaking any SIM limit, and through which SIM?
 *
 * Conservative on purpose: when AMI reports more busy channels than SIMs known to be busy, we assume the unknown
 * busy channels occupy *eligible* SIMs. A carrier blocks a SIM that breaks its pattern, so refusing a call that
 * might have fit is cheaper than starting one that might not.
 */
export function assessTrunkCapacity(options: AssessTrunkCapacityOptions): TrunkCapacity {
  const { trunk, sims, busyChannels, reserved, now } = options;
  if (!trunk.enabled) return { available: false, why: 'disabled' };
  let knownBusy = 0;
  let reservedIdle = 0;
  let disabled = 0;
  let eligibleIdle = 0;
  let bestSim = -1;
  let bestSeconds = Infinity;
  let blockingCap: CapName | null = null;
  for (let index = 0; index < trunk.channels; index += 1) {
    const usage = sims?.[index];
    if (usage?.busy) {
      knownBusy += 1;
      continue;
    }
    if (reserved?.includes(index)) {
      reservedIdle += 1;
      continue;
    }
    if (trunk.disabledSims?.includes(index)) {
      disabled += 1;
      continue;
    }
    const cap = usage ? firstCapReached(trunk, usage, now) : null;
    if (cap) {
      blockingCap ??= cap;
      continue;
    }
    eligibleIdle += 1;
    const seconds = usage?.secondsToday ?? 0;
    // Spread the load: the least-used SIM today looks most like a person's phone to the carrier.
    if (seconds < bestSeconds) {
      bestSeconds = seconds;
      bestSim = index;
    }
  }
  const liveBusy = Math.max(busyChannels ?? 0, knownBusy);
  const busy = liveBusy + reservedIdle;
  const free = Math.min(eligibleIdle - (liveBusy - knownBusy), trunk.channels - disabled - busy);
  if (free > 0 && bestSim >= 0) return { available: true, sim: bestSim, free };
  if (busy >= trunk.channels || (blockingCap === null && disabled === 0))
    return { available: false, why: 'busy', busy: Math.min(busy, trunk.channels), channels: trunk.channels };
  if (blockingCap === null) return { available: false, why: 'simsDisabled', disabled };
  return { available: false, why: 'overCap', cap: blockingCap };
}

/** The first limit this SIM has reached, or null. A limit is reached at equality: the next call would exceed it. */
export function firstCapReached(trunk: Trunk, usage: SimUsage, now: number): CapName | null {
  const { caps } = trunk;
  if (caps.callsPerDay !== null && usage.callsToday >= caps.callsPerDay) return 'callsPerDay';
  if (caps.minutesPerDay !== null && usage.secondsToday >= caps.minutesPerDay * SECONDS_PER_MINUTE)
    return 'minutesPerDay';
  if (caps.minutesPerMonth !== null && usage.secondsThisMonth >= caps.minutesPerMonth * SECONDS_PER_MINUTE)
    return 'minutesPerMonth';
  if (
    caps.minGapSeconds !== null &&
    usage.lastCallEndedAt !== null &&
    now - usage.lastCallEndedAt < caps.minGapSeconds * 1000
  )
    return 'minGapSeconds';
  return null;
}
