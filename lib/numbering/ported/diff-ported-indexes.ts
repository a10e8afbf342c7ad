import { BLOCKS_PER_CODE, CODES, type PortedIndex } from './ported-index-layout';

/** What an MNP import changed, for the import log and the Registry page. */
export type PortedDiff = { readonly added: number; readonly removed: number; readonly changedOwner: number };

/**
 * Compares two ported sets in one merge pass over their blocks (both are sorted by number), so a full Port_All of
 * 20 M numbers is diffed against the set in use without building any per-number objects.
 */
export function diffPortedIndexes(before: PortedIndex | null, after: PortedIndex): PortedDiff {
  if (!before) return { added: after.count, removed: 0, changedOwner: 0 };
  // Owners are compared by id (case-insensitive, as the owner table interns them), not by slot: slots differ per index.
  const keyOfAfter = after.owners.map((owner) => owner.ownerId.toLowerCase());
  const keyOfBefore = before.owners.map((owner) => owner.ownerId.toLowerCase());
  let added = 0;
  let removed = 0;
  let changedOwner = 0;
  for (let code = 0; code < CODES; code += 1) {
    const pageA = before.pages[code]!;
    const pageB = after.pages[code]!;
    if (pageA < 0 && pageB < 0) continue;
    for (let block = 0; block < BLOCKS_PER_CODE; block += 1) {
      let i = pageA < 0 ? 0 : before.offsets[pageA + block]!;
      const endA = pageA < 0 ? 0 : before.offsets[pageA + block + 1]!;
      let j = pageB < 0 ? 0 : after.offsets[pageB + block]!;
      const endB = pageB < 0 ? 0 : after.offsets[pageB + block + 1]!;
      while (i < endA && j < endB) {
        const a = before.rests[i]!;
        const b = after.rests[j]!;
        if (a === b) {
          if (keyOfBefore[before.ownerSlots[i]!] !== keyOfAfter[after.ownerSlots[j]!]) changedOwner += 1;
          i += 1;
          j += 1;
        } else if (a < b) {
          removed += 1;
          i += 1;
        } else {
          added += 1;
          j += 1;
        }
      }
      removed += endA - i;
      added += endB - j;
    }
  }
  return { added, removed, changedOwner };
}
