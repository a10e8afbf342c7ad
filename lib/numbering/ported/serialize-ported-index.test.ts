import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import {
  createPortedIndexBuilder,
  deserializePortedIndex,
  findPortedOwner,
  serializePortedIndex,
  type PortedIndex,
} from './ported-index';

function sampleIndex(): PortedIndex {
  const builder = createPortedIndexBuilder();
  for (let i = 0; i < 5_000; i += 1) builder.add(9_150_000_000 + i * 37, i % 3 === 0 ? 'mMTS' : 'mMEGAFON');
  builder.add(4_951_234_567, 'mSOMEMVNO');
  return builder.build();
}

describe('serializePortedIndex / deserializePortedIndex', () => {
  const index = sampleIndex();
  const bytes = serializePortedIndex(index);

  it('round-trips every lookup and the owner table', () => {
    const read = deserializePortedIndex(bytes);
    expect(read.count).toBe(index.count);
    expect(read.owners).toEqual(index.owners);
    for (let i = 0; i < 5_000; i += 1) {
      const nsn = 9_150_000_000 + i * 37;
      expect(findPortedOwner(read, `7${nsn}`)).toEqual(findPortedOwner(index, `7${nsn}`));
      expect(findPortedOwner(read, `7${nsn + 1}`)).toBeNull();
    }
    expect(findPortedOwner(read, '74951234567')).toEqual({ ownerId: 'mSOMEMVNO', inn: null });
  });

  it('reads views over the given bytes, without copying', () => {
    const read = deserializePortedIndex(bytes);
    expect(read.rests.buffer).toBe(bytes.buffer);
    expect(read.offsets.buffer).toBe(bytes.buffer);
    expect(read.ownerSlots.buffer).toBe(bytes.buffer);
  });

  it('copies once when the bytes do not start on a 4-byte boundary (a slice of a shared buffer)', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const read = deserializePortedIndex(shifted.subarray(1));
    expect(read.rests.buffer).not.toBe(shifted.buffer);
    expect(findPortedOwner(read, '79150000037')?.ownerId).toBe('mMEGAFON');
  });

  it('round-trips an empty index', () => {
    const empty = deserializePortedIndex(serializePortedIndex(createPortedIndexBuilder().build()));
    expect(empty.count).toBe(0);
    expect(findPortedOwner(empty, '79150000000')).toBeNull();
  });

  const corruptions: [string, (copy: Uint8Array, view: DataView) => Uint8Array][] = [
    ['truncated', (copy) => copy.subarray(0, copy.length - 1)],
    ['too short for a header', (copy) => copy.subarray(0, 10)],
    [
      'extended',
      () => {
        const longer = new Uint8Array(bytes.length + 4);
        longer.set(bytes);
        return longer;
      },
    ],
    [
      'bad magic',
      (copy) => {
        copy[0] = 0x41;
        return copy;
      },
    ],
    [
      'another version',
      (copy, view) => {
        view.setUint32(4, 2, true);
        return copy;
      },
    ],
    [
      'a count that disagrees with the length',
      (copy, view) => {
        view.setUint32(8, index.count + 1, true);
        return copy;
      },
    ],
    [
      'pages out of order',
      (copy, view) => {
        view.setInt32(32 + 4 * 915, 5000, true);
        return copy;
      },
    ],
    [
      'an unsorted block',
      (copy) => {
        const rests = restsOf(copy);
        [rests[0], rests[1]] = [rests[1]!, rests[0]!];
        return copy;
      },
    ],
    [
      'a rest out of range',
      (copy) => {
        restsOf(copy)[0] = 10_000;
        return copy;
      },
    ],
    [
      'an owner slot without owner',
      (copy) => {
        copy[ownerSlotsAt()] = 7;
        return copy;
      },
    ],
    [
      'an owner list that is not JSON',
      (copy) => {
        copy[copy.length - 1] = 0x7b;
        return copy;
      },
    ],
  ];

  it.each(corruptions)('refuses %s input with AppError INVALID_INPUT', (_label, corrupt) => {
    const copy = bytes.slice();
    const damaged = corrupt(copy, new DataView(copy.buffer));
    let thrown: unknown;
    try {
      deserializePortedIndex(damaged);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^Corrupt ported-number index/),
    });
  });

  it('refuses a repeated owner id', () => {
    const builder = createPortedIndexBuilder();
    builder.add(9_150_000_000, 'mAAA');
    builder.add(9_150_000_001, 'mBBB');
    const copy = serializePortedIndex(builder.build());
    // Same length, so only the meaning changes: ["mAAA","mBBB"] → ["mAAA","maaa"].
    const text = new TextDecoder().decode(copy.subarray(copy.length - 15));
    expect(text).toBe('["mAAA","mBBB"]');
    copy.set(new TextEncoder().encode('["mAAA","maaa"]'), copy.length - 15);
    expect(() => deserializePortedIndex(copy)).toThrow(/repeated/);
  });

  /** Section positions, from the layout documented in serialize-ported-index.ts. */
  function restsOf(copy: Uint8Array): Uint16Array {
    return new Uint16Array(copy.buffer, 32 + 4000 + 4 * index.offsets.length, index.count);
  }
  function ownerSlotsAt(): number {
    return 32 + 4000 + 4 * index.offsets.length + 2 * index.count;
  }
});
