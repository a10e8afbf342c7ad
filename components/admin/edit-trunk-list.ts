import type { RoutingSettings, Trunk } from '@/lib/routing/types';

function blankTrunk(id: string, carrierGroupId: string): Trunk {
  return {
    id,
    name: '',
    lineNumber: '',
    dial: '',
    carrierGroupId,
    channels: 1,
    caps: { callsPerDay: null, minutesPerDay: null, minutesPerMonth: null, minGapSeconds: null },
    tariff: { onNetKopecks: 0, offNetKopecks: 0 },
    enabled: true,
  };
}

/**
 * Adds an empty line to the draft. The first line becomes the default line (a portal with lines needs one, and a
 * new admin should not have to find the radio button before the first save); its group is the only group when there
 * is exactly one, else none yet.
 */
export function addTrunk(draft: RoutingSettings, id: string): void {
  const group = draft.carrierGroups.length === 1 ? draft.carrierGroups[0]!.id : '';
  draft.trunks.push(blankTrunk(id, group));
  if (!draft.trunks.some((trunk) => trunk.id === draft.defaultTrunkId)) draft.defaultTrunkId = id;
}

/** Removes a line; when it was the default, the first remaining line takes over (none when none remain). */
export function removeTrunk(draft: RoutingSettings, index: number): void {
  const [removed] = draft.trunks.splice(index, 1);
  if (removed && removed.id === draft.defaultTrunkId) draft.defaultTrunkId = draft.trunks[0]?.id ?? '';
}
