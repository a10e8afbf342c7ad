import { describe, expect, it } from 'vitest';
import {
  applyPortedChanges,
  createPortedChangesBuilder,
  createPortedIndexBuilder,
  findPortedOwner,
  portedIndexStats,
  type PortedIndex,
} from './ported-index';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const OWNERS = ['mMTS', 'mMEGAFON', 'mBEELINE', 'mTELE2'];
const e164 = (nsn: number) => `7${nsn}`;

function indexOf(entries: Iterable<[number, string]>): PortedIndex {
  const builder = createPortedIndexBuilder();
  for (const [nsn, owner] of entries) builder.add(nsn, owner);
  return builder.build();
}

function expectSame(index: PortedIndex, reference: ReadonlyMap<number, string>, probes: Iterable<number>): void {
  expect(index.count).toBe(reference.size);
  for (const nsn of probes) expect(findPortedOwner(index, e164(nsn))?.ownerId ?? null).toBe(reference.get(nsn) ?? null);
}

describe('applyPortedChanges', () => {
  it('merges random additions, owner changes and removals like a Map would', { timeout: 60_000 }, () => {
    const next = random(3);
    const reference = new Map<number, string>();
    for (let i = 0; i < 30_000; i += 1) reference.set(9_150_000_000 + Math.floor(next() * 3_000_000), OWNERS[i & 3]!);
    const before = indexOf(reference);
    const expected = new Map(reference);
    const changes = createPortedChangesBuilder();
    const existing = [...reference.keys()];
    for (let i = 0; i < 5_000; i += 1) {
      const draw = next();
      const nsn =
        draw < 0.4 ? 9_150_000_000 + Math.floor(next() * 3_000_000) : existing[Math.floor(next() * existing.length)]!;
      if (draw < 0.8) {
        const owner = OWNERS[Math.floor(next() * 4)]!;
        changes.set(nsn, owner);
        expected.set(nsn, owner);
      } else {
        changes.remove(nsn);
        expected.delete(nsn);
      }
    }
    const after = applyPortedChanges(before, changes.build());
    const probes = new Set([...reference.keys(), ...expected.keys()].flatMap((nsn) => [nsn - 1, nsn, nsn + 1]));
    expectSame(after, expected, probes);
    // The old index is untouched: lookups can keep using it until the new one is swapped in.
    expectSame(before, reference, probes);
  });

  it('adds a number, changes an owner, and drops a number that moved back to its range holder', () => {
    const before = indexOf([
      [9_150_000_001, 'mMEGAFON'],
      [9_150_000_002, 'mBEELINE'],
      [9_160_000_000, 'mMTS'],
    ]);
    const changes = createPortedChangesBuilder();
    changes.set(9_150_000_003, 'mTELE2');
    changes.set(9_150_000_002, 'mTELE2');
    changes.remove(9_150_000_001);
    changes.remove(9_150_000_009); // not ported: nothing to remove
    const after = applyPortedChanges(before, changes.build());
    expect(findPortedOwner(after, '79150000001')).toBeNull();
    expect(findPortedOwner(after, '79150000002')?.ownerId).toBe('mTELE2');
    expect(findPortedOwner(after, '79150000003')?.ownerId).toBe('mTELE2');
    expect(findPortedOwner(after, '79160000000')?.ownerId).toBe('mMTS');
    expect(after.count).toBe(3);
  });

  it('keeps the last change of a number within one change set', () => {
    const changes = createPortedChangesBuilder();
    changes.set(9_150_000_001, 'mMTS');
    changes.remove(9_150_000_001);
    changes.set(9_150_000_001, 'mBEELINE');
    changes.set(9_150_000_002, 'mMTS');
    changes.remove(9_150_000_002);
    const after = applyPortedChanges(indexOf([[9_150_000_002, 'mTELE2']]), changes.build());
    expect(findPortedOwner(after, '79150000001')?.ownerId).toBe('mBEELINE');
    expect(findPortedOwner(after, '79150000002')).toBeNull();
  });

  it('opens pages for new codes and drops the page of a code left without numbers', () => {
    const before = indexOf([
      [9_150_000_001, 'mMTS'],
      [9_260_000_001, 'mMTS'],
    ]);
    const changes = createPortedChangesBuilder();
    changes.remove(9_150_000_001);
    changes.set(9_990_000_000, 'mMEGAFON');
    changes.set(4_950_000_000, 'mNEWMVNO');
    const after = applyPortedChanges(before, changes.build());
    expect(after.pages[915]).toBe(-1);
    expect(after.pages[999]).toBeGreaterThanOrEqual(0);
    expect(findPortedOwner(after, '79990000000')?.ownerId).toBe('mMEGAFON');
    expect(findPortedOwner(after, '74950000000')).toEqual({ ownerId: 'mNEWMVNO', inn: null });
    expect(findPortedOwner(after, '79260000001')?.ownerId).toBe('mMTS');
    expect(after.offsets.length).toBe(3 * 1000 + 1);
  });

  it('keeps the owner table (and its objects), adding new owners after the old ones', () => {
    const before = indexOf([[9_150_000_001, 'mMTS']]);
    const changes = createPortedChangesBuilder();
    changes.set(9_150_000_002, 'mNEWMVNO');
    changes.set(9_150_000_001, 'MMTS');
    const after = applyPortedChanges(before, changes.build());
    expect(after.owners[0]).toBe(before.owners[0]);
    expect(after.owners.map((owner) => owner.ownerId)).toEqual(['mMTS', 'mNEWMVNO']);
    expect(portedIndexStats(after).byOwner).toEqual([
      { ownerId: 'mMTS', inn: '7740000076', numbers: 1 },
      { ownerId: 'mNEWMVNO', inn: null, numbers: 1 },
    ]);
  });

  it('handles empty change sets and empty indexes', () => {
    const before = indexOf([[9_150_000_001, 'mMTS']]);
    expect(applyPortedChanges(before, createPortedChangesBuilder().build()).count).toBe(1);
    const changes = createPortedChangesBuilder();
    changes.set(9_150_000_001, 'mMTS');
    expect(
      findPortedOwner(applyPortedChanges(createPortedIndexBuilder().build(), changes.build()), '79150000001')?.ownerId,
    ).toBe('mMTS');
  });
});
