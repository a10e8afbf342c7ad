import type { CallTrackerState } from './call-tracker-state';

/** Device states that mean the gateway cannot be reached (qualify failed, modem gone); INVALID is a typo, not this. */
const UNREACHABLE_STATES = new Set(['UNAVAILABLE']);

/**
 * How long a device first heard of as UNAVAILABLE is still given the benefit of the doubt. A PBX that has just started
 * reports every qualified trunk UNAVAILABLE until its first OPTIONS round (FreePBX qualifies every 60 s): taking the
 * lines out then would send every client through whichever gateway answered first. A dial to a gateway that really is
 * down fails at once and the failover moves on, so trusting costs one quick attempt; distrusting costs the tariff.
 */
export const UNCONFIRMED_UNREACHABLE_MS = 70_000;

/** Records one device's state when it is a line's; returns whether anything changed. */
export function noteDeviceState(state: CallTrackerState, device: string, deviceState: string, at: number): boolean {
  const line = state.match.lineOfDevice(device);
  if (line === null) return false;
  const reachable = !UNREACHABLE_STATES.has(deviceState.trim().toUpperCase());
  const before = state.devices.get(device);
  const sameLine = before?.line === line;
  if (sameLine && before.reachable === reachable) return false;
  const wasReachable = sameLine && before.reachable;
  const unconfirmedSince = reachable || wasReachable ? null : sameLine ? before.unconfirmedSince : at;
  state.devices.set(device, { line, reachable, unconfirmedSince });
  return true;
}

/** What was heard before a (re)connect may belong to a PBX that has restarted since: it is heard afresh. */
export function forgetDeviceStates(state: CallTrackerState): void {
  state.devices.clear();
}

/** Per line: reachable when any device of it is, or when its UNAVAILABLE is not yet confirmed. */
export function lineReachability(state: CallTrackerState, now: number): Map<string, boolean> {
  const lines = new Map<string, boolean>();
  for (const device of state.devices.values()) {
    const up =
      device.reachable ||
      (device.unconfirmedSince !== null && now - device.unconfirmedSince < UNCONFIRMED_UNREACHABLE_MS);
    lines.set(device.line, (lines.get(device.line) ?? false) || up);
  }
  return lines;
}

/** The lines to route around: every device of them the PBX reported on is unreachable. */
export function unreachableLines(state: CallTrackerState, now: number): string[] {
  return [...lineReachability(state, now)].filter(([, up]) => !up).map(([line]) => line);
}
