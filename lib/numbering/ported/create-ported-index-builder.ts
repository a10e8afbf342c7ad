import { PortedEntryBuffer } from './ported-entry-buffer';
import { freezePortedIndex, OwnerTable, type PortedIndex } from './ported-index-layout';

export type PortedIndexBuilderOptions = {
  /** Rows expected (e.g. the file's RowCount): sizes the columns once instead of doubling. */
  readonly expectedCount?: number;
};

export type PortedIndexBuilder = {
  /** Rows added so far, duplicates included. */
  readonly size: number;
  /** `nationalNumber` is the 10-digit number without the 7, as an integer. The last add of a number wins. */
  add(nationalNumber: number, ownerId: string): void;
  /**
   * The slot for an owner id, for callers adding millions of rows of a handful of owners (the
   * streaming parser): `addOwnerSlot` then skips the per-row string lookup.
   */
  ownerSlot(ownerId: string): number;
  addOwnerSlot(nationalNumber: number, slot: number): void;
  /** Sorts, de-duplicates and freezes. The builder is spent afterwards (its buffers are released). */
  build(): PortedIndex;
};

/**
 * Collects ported numbers and builds the compact PortedIndex. Invalid numbers, empty owner ids and
 * more than 255 distinct owners throw AppError('INVALID_INPUT').
 */
export function createPortedIndexBuilder({ expectedCount = 0 }: PortedIndexBuilderOptions = {}): PortedIndexBuilder {
  const owners = new OwnerTable();
  const entries = new PortedEntryBuffer(expectedCount);
  return {
    get size() {
      return entries.size;
    },
    add(nationalNumber, ownerId) {
      entries.add(nationalNumber, owners.slotOf(ownerId));
    },
    ownerSlot(ownerId) {
      return owners.slotOf(ownerId);
    },
    addOwnerSlot(nationalNumber, slot) {
      owners.check(slot);
      entries.add(nationalNumber, slot);
    },
    build() {
      return freezePortedIndex({ kind: 'ported-index', ...entries.build(), owners: owners.owners });
    },
  };
}
