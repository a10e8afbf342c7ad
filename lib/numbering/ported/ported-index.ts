/**
 * Ported numbers (MNP): the compact immutable index and everything built around it. This file is the
 * entry point; the pieces live in their own files:
 * - create-ported-index-builder.ts   build from (number, owner id) rows, last add wins;
 * - create-ported-changes-builder.ts / apply-ported-changes.ts   Port_Increment deltas, merged in O(n);
 * - serialize-ported-index.ts        bytes for storage, read back as views without copying;
 * - ported-index-layout.ts           the layout itself and why it looks like that.
 */
import { nationalBlockOf, nationalRestOf } from '../phone';
import { portedPositionAt, type PortedIndex, type PortedOwner } from './ported-index-layout';

export type { PortedIndex, PortedOwner } from './ported-index-layout';
export {
  createPortedIndexBuilder,
  type PortedIndexBuilder,
  type PortedIndexBuilderOptions,
} from './create-ported-index-builder';
export {
  createPortedChangesBuilder,
  type PortedChanges,
  type PortedChangesBuilder,
} from './create-ported-changes-builder';
export { applyPortedChanges } from './apply-ported-changes';
export { serializePortedIndex, deserializePortedIndex } from './serialize-ported-index';

export type PortedIndexStats = {
  /** Ported numbers in the index. */
  readonly numbers: number;
  /** Every owner of the table in slot order, with how many numbers it holds now (0 after all moved away). */
  readonly byOwner: readonly { readonly ownerId: string; readonly inn: string | null; readonly numbers: number }[];
};

/**
 * The current carrier of a ported number, or null when the number is not ported (or `e164` is not the
 * canonical "7" + 10 digits). Returns the index's shared owner object: no allocation.
 */
export function findPortedOwner(index: PortedIndex, e164: string): PortedOwner | null {
  const block = nationalBlockOf(e164);
  if (block < 0) return null;
  const position = portedPositionAt(index, block, nationalRestOf(e164));
  return position < 0 ? null : index.owners[index.ownerSlots[position]!]!;
}

/** Numbers per owner, for the admin page and import logs: one pass over the owner column. */
export function portedIndexStats(index: PortedIndex): PortedIndexStats {
  const counts = new Float64Array(256);
  const { ownerSlots } = index;
  for (let i = 0; i < index.count; i += 1) {
    const slot = ownerSlots[i]!;
    counts[slot] = counts[slot]! + 1;
  }
  return {
    numbers: index.count,
    byOwner: index.owners.map((owner, slot) => ({ ownerId: owner.ownerId, inn: owner.inn, numbers: counts[slot]! })),
  };
}
