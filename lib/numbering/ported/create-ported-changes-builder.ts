import { PortedEntryBuffer } from './ported-entry-buffer';
import { freezePortedIndex, OwnerTable, REMOVED_SLOT, type PortedIndex } from './ported-index-layout';

/**
 * A set of changes to a PortedIndex (a Port_Increment file, or corrections): the same block layout as
 * the index, one entry per number, where the owner slot REMOVED_SLOT (255) means "no longer ported"
 * (the number went back to its range holder) and any other slot means "now owned by owners[slot]".
 */
export type PortedChanges = Omit<PortedIndex, 'kind'> & { readonly kind: 'ported-changes' };

export type PortedChangesBuilder = {
  /** Changes recorded so far, repeats included. */
  readonly size: number;
  /** The number is now owned by `ownerId`. The last change of a number wins. */
  set(nationalNumber: number, ownerId: string): void;
  /** The number is no longer ported. */
  remove(nationalNumber: number): void;
  /** Slot-based fast path for the streaming parser; `REMOVED_SLOT` removes. */
  ownerSlot(ownerId: string): number;
  setOwnerSlot(nationalNumber: number, slot: number): void;
  build(): PortedChanges;
};

export { REMOVED_SLOT };

/** Collects changes for `applyPortedChanges`. Same validation as the index builder. */
export function createPortedChangesBuilder(): PortedChangesBuilder {
  const owners = new OwnerTable();
  const entries = new PortedEntryBuffer();
  return {
    get size() {
      return entries.size;
    },
    set(nationalNumber, ownerId) {
      entries.add(nationalNumber, owners.slotOf(ownerId));
    },
    remove(nationalNumber) {
      entries.add(nationalNumber, REMOVED_SLOT);
    },
    ownerSlot(ownerId) {
      return owners.slotOf(ownerId);
    },
    setOwnerSlot(nationalNumber, slot) {
      if (slot !== REMOVED_SLOT) owners.check(slot);
      entries.add(nationalNumber, slot);
    },
    build() {
      return freezePortedIndex({ kind: 'ported-changes', ...entries.build(), owners: owners.owners });
    },
  };
}
