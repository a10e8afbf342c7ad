/**
 * The same carrier lookup done well in SQLite, as the baseline of bench/carrier-lookup.bench.ts:
 * ported numbers in a WITHOUT ROWID table keyed by the number (one B-tree, no separate rowid index),
 * owners as small integers, registry ranges keyed by their first number; prepared statements, raw
 * rows, in-memory database with a cache big enough to hold it all. A lookup is the ported table by
 * primary key, then the last range starting at or below the number (index seek) and a check of its end.
 */
import Database from 'better-sqlite3';
import type { RegistryRange } from '../../lib/numbering/registry';

export type SqliteCarrierBaseline = {
  /** Owner index (into the bench's owner list) of a ported number, or -1; and the registry row, or -1. */
  lookup(e164: string): { owner: number; row: number };
  /** The same without building a result, for timing: returns owner × 1e6 + row + 1 to defeat dead-code removal. */
  lookupCode(e164: string): number;
  close(): void;
};

const INSERT_BATCH = 500;

export function createSqliteCarrierBaseline(
  ranges: readonly RegistryRange[],
  numbers: Float64Array,
  owners: Uint8Array,
): SqliteCarrierBaseline {
  const db = new Database(':memory:');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec('CREATE TABLE ported (number INTEGER PRIMARY KEY, owner INTEGER NOT NULL) WITHOUT ROWID');
  db.exec('CREATE TABLE ranges (lo INTEGER PRIMARY KEY, hi INTEGER NOT NULL, row INTEGER NOT NULL) WITHOUT ROWID');

  // Sorted input appends to the B-tree's right edge instead of splitting pages all over it.
  const pairs = sortedPairs(numbers, owners);
  const batch = db.prepare(
    `INSERT INTO ported VALUES ${Array.from({ length: INSERT_BATCH }, () => '(?, ?)').join(', ')}`,
  );
  const single = db.prepare('INSERT INTO ported VALUES (?, ?)');
  const values: number[] = new Array(INSERT_BATCH * 2);
  db.transaction(() => {
    let i = 0;
    for (; i + INSERT_BATCH <= pairs.length; i += INSERT_BATCH) {
      for (let k = 0; k < INSERT_BATCH; k += 1) {
        const pair = pairs[i + k]!;
        values[2 * k] = Math.floor(pair / 256);
        values[2 * k + 1] = pair % 256;
      }
      batch.run(values);
    }
    for (; i < pairs.length; i += 1) single.run(Math.floor(pairs[i]! / 256), pairs[i]! % 256);
  })();
  const insertRange = db.prepare('INSERT INTO ranges VALUES (?, ?, ?)');
  db.transaction(() => {
    ranges.forEach((range, row) => {
      const code = Number(range.def) * 1e7;
      insertRange.run(code + Number(range.from), code + Number(range.to), row);
    });
  })();

  const portedOwner = db.prepare('SELECT owner FROM ported WHERE number = ?').pluck();
  const lastRange = db.prepare('SELECT hi, row FROM ranges WHERE lo <= ? ORDER BY lo DESC LIMIT 1').raw();
  const find = (e164: string) => {
    const nsn = Number(e164.slice(1));
    const owner = portedOwner.get(nsn) as number | undefined;
    const range = lastRange.get(nsn) as [number, number] | undefined;
    return { owner: owner ?? -1, row: range !== undefined && range[0] >= nsn ? range[1] : -1 };
  };
  return {
    lookup: find,
    lookupCode(e164) {
      const nsn = Number(e164.slice(1));
      const owner = portedOwner.get(nsn) as number | undefined;
      const range = lastRange.get(nsn) as [number, number] | undefined;
      return (owner ?? 0) * 1e6 + (range !== undefined && range[0] >= nsn ? range[1] + 1 : 0);
    },
    close: () => db.close(),
  };
}

/** (number, owner) packed as number × 256 + owner (42 bits, exact in a double), sorted natively. */
function sortedPairs(numbers: Float64Array, owners: Uint8Array): Float64Array {
  const packed = new Float64Array(numbers.length);
  for (let i = 0; i < numbers.length; i += 1) packed[i] = numbers[i]! * 256 + owners[i]!;
  return packed.sort();
}
