import type { LiveChannels } from './get-sim-load';

/** Live channels of disjoint PBX sets (this instance's trackers, the journal of the others') as one summary. */
export function mergeLiveChannels(a: LiveChannels, b: LiveChannels): LiveChannels {
  const busyByEndpoint = { ...a.busyByEndpoint };
  for (const [endpoint, count] of Object.entries(b.busyByEndpoint))
    busyByEndpoint[endpoint] = (busyByEndpoint[endpoint] ?? 0) + count;
  const busySims: Record<string, number[]> = {};
  for (const source of [a.busySims, b.busySims])
    for (const [endpoint, sims] of Object.entries(source))
      busySims[endpoint] = [...new Set([...(busySims[endpoint] ?? []), ...sims])];
  const unreachable = [...new Set([...(a.unreachable ?? []), ...(b.unreachable ?? [])])].sort();
  const busyExtensions = [...new Set([...(a.busyExtensions ?? []), ...(b.busyExtensions ?? [])])];
  return {
    busyByEndpoint,
    busySims,
    ...(unreachable.length ? { unreachable } : {}),
    ...(busyExtensions.length > 0 ? { busyExtensions } : {}),
  };
}
