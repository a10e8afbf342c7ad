import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { createPortedIndexBuilder, findPortedOwner, portedIndexStats, type PortedIndex } from './ported-index';

/** Seeded so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const OWNERS = ['mMTS', 'mMEGAFON', 'mBEELINE', 'mTELE2', 'mSOMEMVNO'];
const e164 = (nsn: number) => `7${String(nsn).padStart(10, '0')}`;

/**
 * Numbers shaped to reach every path of the lookup: dense blocks (interpolated window), sparse blocks
 * (< 32 entries), a block with all its numbers bunched at one end (window misses, full-block
 * fallback), the first and last possible numbers, and repeats (last add wins).
 */
function sample(seed: number): { adds: [number, string][]; reference: Map<number, string> } {
  const next = random(seed);
  const adds: [number, string][] = [];
  const add = (nsn: number) => adds.push([nsn, OWNERS[Math.floor(next() * OWNERS.length)]!]);
  for (let i = 0; i < 20_000; i += 1) add(9_150_000_000 + Math.floor(next() * 200_000)); // ~1,000 per block
  for (let i = 0; i < 3_000; i += 1) add(9_260_000_000 + Math.floor(next() * 10_000_000)); // ~3 per block
  for (let i = 0; i < 400; i += 1) add(9_990_120_000 + 9_000 + Math.floor(next() * 1_000)); // skewed block
  for (let i = 0; i < 100; i += 1) add(9_990_120_000 + Math.floor(next() * 10)); // …and a few at its start
  add(0);
  add(9_999_999_999);
  add(4_951_234_567);
  for (let i = 0; i < 2_000; i += 1) add(adds[Math.floor(next() * adds.length)]![0]); // repeats, new owner
  const reference = new Map<number, string>();
  for (const [nsn, owner] of adds) reference.set(nsn, owner);
  return { adds, reference };
}

function build(adds: readonly [number, string][]): PortedIndex {
  const builder = createPortedIndexBuilder();
  for (const [nsn, owner] of adds) builder.add(nsn, owner);
  return builder.build();
}

describe('PortedIndex', () => {
  const { adds, reference } = sample(1);
  const index = build(adds);

  it('finds every number with the owner of its last add', () => {
    expect(index.count).toBe(reference.size);
    for (const [nsn, owner] of reference) expect(findPortedOwner(index, e164(nsn))?.ownerId).toBe(owner);
  });

  it('answers null for the neighbours of every number and for random numbers it does not hold', () => {
    const next = random(2);
    const probes = [...reference.keys()].flatMap((nsn) => [nsn - 1, nsn + 1]);
    for (let i = 0; i < 50_000; i += 1) probes.push(9_100_000_000 + Math.floor(next() * 900_000_000));
    for (const nsn of probes) {
      if (nsn < 0 || nsn > 9_999_999_999) continue;
      expect(findPortedOwner(index, e164(nsn))?.ownerId ?? null).toBe(reference.get(nsn) ?? null);
    }
  });

  it('answers at the edges of blocks and codes', () => {
    const edges = [
      9_150_000_000, 9_150_009_999, 9_150_010_000, 9_159_999_999, 9_160_000_000, 9_149_999_999, 9_990_120_000,
      9_990_129_999,
    ];
    for (const nsn of edges)
      expect(findPortedOwner(index, e164(nsn))?.ownerId ?? null).toBe(reference.get(nsn) ?? null);
    expect(findPortedOwner(index, '70000000000')?.ownerId).toBe(reference.get(0));
    expect(findPortedOwner(index, '79999999999')?.ownerId).toBe(reference.get(9_999_999_999));
  });

  it('refuses non-canonical input instead of guessing', () => {
    for (const input of [
      '+79151234567',
      '89150000000',
      '9150000000',
      '7915000000a',
      '7915:000000',
      '',
      '791500000000',
    ]) {
      expect(findPortedOwner(index, input)).toBeNull();
    }
  });

  it('keeps one frozen owner object per owner id, with the ИНН of known ids', () => {
    const owner = findPortedOwner(index, e164([...reference].find(([, id]) => id === 'mMTS')![0]))!;
    expect(owner).toEqual({ ownerId: 'mMTS', inn: '7740000076' });
    expect(Object.isFrozen(owner)).toBe(true);
    expect(index.owners.find((candidate) => candidate.ownerId === 'mSOMEMVNO')?.inn).toBeNull();
    expect(Object.isFrozen(index)).toBe(true);
  });

  it('counts numbers per owner', () => {
    const stats = portedIndexStats(index);
    expect(stats.numbers).toBe(reference.size);
    for (const { ownerId, numbers } of stats.byOwner) {
      expect(numbers).toBe([...reference.values()].filter((id) => id === ownerId).length);
    }
  });

  it('gives the same index for input in any order', () => {
    const shuffled = [...reference].sort((a, b) => ((a[0] * 7919) % 1_000_003) - ((b[0] * 7919) % 1_000_003));
    const sorted = [...reference].sort((a, b) => a[0] - b[0]);
    const fromShuffled = build(shuffled);
    const fromSorted = build(sorted);
    expect(fromShuffled.rests).toEqual(fromSorted.rests);
    expect(fromShuffled.offsets).toEqual(fromSorted.offsets);
  });

  it('keeps the last add of a number repeated more than 65,536 times in one block', () => {
    const builder = createPortedIndexBuilder();
    for (let i = 0; i < 70_000; i += 1) builder.add(9_150_000_000 + (i % 7), OWNERS[i % 3]!);
    builder.add(9_150_000_003, 'mTELE2');
    const built = builder.build();
    expect(built.count).toBe(7);
    expect(findPortedOwner(built, '79150000003')?.ownerId).toBe('mTELE2');
    expect(findPortedOwner(built, '79150000006')?.ownerId).toBe(OWNERS[69_999 % 3]);
  });

  it('treats owner ids case-insensitively, keeping the first spelling', () => {
    const built = build([
      [9_150_000_001, 'mMTS'],
      [9_150_000_002, 'MMTS'],
    ]);
    expect(built.owners).toHaveLength(1);
    expect(findPortedOwner(built, '79150000002')?.ownerId).toBe('mMTS');
  });

  it('handles an empty index', () => {
    const empty = createPortedIndexBuilder().build();
    expect(empty.count).toBe(0);
    expect(findPortedOwner(empty, '79150000000')).toBeNull();
    expect(portedIndexStats(empty)).toEqual({ numbers: 0, byOwner: [] });
  });

  it.each([
    ['a number with 11 digits', 79_150_000_000],
    ['a negative number', -1],
    ['a fraction', 9_150_000_000.5],
    ['NaN', Number.NaN],
  ])('refuses %s with an AppError', (_label, nsn) => {
    expect(() => createPortedIndexBuilder().add(nsn, 'mMTS')).toThrow(AppError);
  });

  it('refuses an empty owner id, a 256th owner and reuse after build', () => {
    expect(() => createPortedIndexBuilder().add(9_150_000_000, ' ')).toThrow(AppError);
    const builder = createPortedIndexBuilder();
    for (let i = 0; i < 255; i += 1) builder.add(9_150_000_000 + i, `m${i}`);
    expect(() => builder.add(9_150_000_999, 'mONEMORE')).toThrow(/255/);
    builder.build();
    expect(() => builder.add(9_150_000_000, 'mMTS')).toThrow(AppError);
    expect(() => builder.build()).toThrow(AppError);
  });
});
