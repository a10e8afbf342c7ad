import type { PortedChanges } from './create-ported-changes-builder';
import {
  BLOCKS_PER_CODE,
  CODES,
  freezePortedIndex,
  layOutPages,
  OwnerTable,
  REMOVED_SLOT,
  type PortedIndex,
} from './ported-index-layout';

/**
 * A new index with `changes` applied; `index` is left untouched, so lookups can keep using it until
 * the caller swaps in the result.
 *
 * A merge, not a rebuild: both sides are already sorted in the same block order, so unchanged blocks
 * are copied as whole runs (memcpy speed) and only blocks with changes are merged entry by entry —
 * O(n) for the copy and O(changes) for the rest, against a 10 M-row sort for a rebuild. One pass first
 * counts the result exactly, so the new arrays are allocated once at their final size.
 */
export function applyPortedChanges(index: PortedIndex, changes: PortedChanges): PortedIndex {
  const owners = new OwnerTable(index.owners);
  const remap = new Uint8Array(256).fill(REMOVED_SLOT);
  changes.owners.forEach((owner, slot) => {
    remap[slot] = owners.slotOf(owner.ownerId, owner);
  });

  const codeCounts = countPerCode(index, changes);
  const { pages, slots } = layOutPages((code) => codeCounts[code]! > 0);
  let total = 0;
  for (const count of codeCounts) total += count;
  const offsets = new Int32Array(slots + 1);
  const rests = new Uint16Array(total);
  const ownerSlots = new Uint8Array(total);

  let write = 0;
  // Pending copy of unchanged entries: index positions [runFrom, runTo) go to [runWrite, …).
  let runFrom = 0;
  let runTo = 0;
  let runWrite = 0;
  const flush = () => {
    if (runTo > runFrom) {
      rests.set(index.rests.subarray(runFrom, runTo), runWrite);
      ownerSlots.set(index.ownerSlots.subarray(runFrom, runTo), runWrite);
    }
    runFrom = runTo;
    runWrite = write;
  };

  for (let code = 0; code < CODES; code += 1) {
    const page = pages[code]!;
    if (page < 0) continue;
    const oldPage = index.pages[code]!;
    const changePage = changes.pages[code]!;
    for (let block = 0; block < BLOCKS_PER_CODE; block += 1) {
      offsets[page + block] = write;
      const from = oldPage < 0 ? 0 : index.offsets[oldPage + block]!;
      const to = oldPage < 0 ? 0 : index.offsets[oldPage + block + 1]!;
      const changeFrom = changePage < 0 ? 0 : changes.offsets[changePage + block]!;
      const changeTo = changePage < 0 ? 0 : changes.offsets[changePage + block + 1]!;
      if (changeFrom === changeTo) {
        if (from === to) continue;
        if (from !== runTo) {
          flush();
          runFrom = runTo = from;
        }
        runTo = to;
        write += to - from;
        continue;
      }
      flush();
      write = mergeBlock(index, from, to, changes, changeFrom, changeTo, remap, rests, ownerSlots, write);
      runFrom = runTo = to;
      runWrite = write;
    }
  }
  flush();
  offsets[slots] = write;
  return freezePortedIndex({
    kind: 'ported-index',
    count: write,
    pages,
    offsets,
    rests,
    ownerSlots,
    owners: owners.owners,
  });
}

function mergeBlock(
  index: PortedIndex,
  from: number,
  to: number,
  changes: PortedChanges,
  changeFrom: number,
  changeTo: number,
  remap: Uint8Array,
  rests: Uint16Array,
  ownerSlots: Uint8Array,
  write: number,
): number {
  const oldRests = index.rests;
  const oldSlots = index.ownerSlots;
  const changedRests = changes.rests;
  const changedSlots = changes.ownerSlots;
  let i = from;
  for (let j = changeFrom; j < changeTo; j += 1) {
    const changed = changedRests[j]!;
    // Old entries before the change are kept as they are; usually a short run, copied in place.
    let keep = i;
    while (keep < to && oldRests[keep]! < changed) keep += 1;
    if (keep > i) {
      rests.set(oldRests.subarray(i, keep), write);
      ownerSlots.set(oldSlots.subarray(i, keep), write);
      write += keep - i;
      i = keep;
    }
    // The change replaces the old entry of the same number (or removes it), or adds a new one.
    if (i < to && oldRests[i] === changed) i += 1;
    const slot = remap[changedSlots[j]!]!;
    if (slot === REMOVED_SLOT) continue;
    rests[write] = changed;
    ownerSlots[write] = slot;
    write += 1;
  }
  if (to > i) {
    rests.set(oldRests.subarray(i, to), write);
    ownerSlots.set(oldSlots.subarray(i, to), write);
    write += to - i;
  }
  return write;
}

/** Entries per code after the merge: the old count plus one per added number, minus one per removed. */
function countPerCode(index: PortedIndex, changes: PortedChanges): Float64Array {
  const counts = new Float64Array(CODES);
  for (let code = 0; code < CODES; code += 1) {
    const oldPage = index.pages[code]!;
    if (oldPage >= 0) counts[code] = index.offsets[oldPage + BLOCKS_PER_CODE]! - index.offsets[oldPage]!;
    const changePage = changes.pages[code]!;
    if (changePage < 0) continue;
    for (let block = 0; block < BLOCKS_PER_CODE; block += 1) {
      let i = oldPage < 0 ? 0 : index.offsets[oldPage + block]!;
      const to = oldPage < 0 ? 0 : index.offsets[oldPage + block + 1]!;
      for (let j = changes.offsets[changePage + block]!; j < changes.offsets[changePage + block + 1]!; j += 1) {
        const rest = changes.rests[j]!;
        while (i < to && index.rests[i]! < rest) i += 1;
        const present = i < to && index.rests[i] === rest;
        const removed = changes.ownerSlots[j] === REMOVED_SLOT;
        if (present && removed) counts[code] = counts[code]! - 1;
        else if (!present && !removed) counts[code] = counts[code]! + 1;
      }
    }
  }
  return counts;
}
