/**
 * Carrier lookup at national scale: `npx tsx bench/carrier-lookup.bench.ts [--ported=10000000]`
 * (re-runs itself with --expose-gc for the memory figures).
 *
 * The real registry (data/registry/DEF-9xx.csv) plus 10 M synthetic ported numbers (seeded, drawn over
 * the registry's capacity, moved to mMTS/mMEGAFON/mBEELINE/mTELE2), and in the same run:
 *  (a) resolveCarrier over canonical e164 strings: ~10 % ported, ~88 % other registry numbers, ~2 %
 *      outside every range;
 *  (b) the same lookups done well in SQLite (bench/support/sqlite-carrier-baseline.ts), results
 *      cross-checked against ours;
 *  (c) the ported index's memory (heapUsed + external, after gc, before and after building);
 *  (d) building the index from 10 M numbers in random order, and merging 100 k increment changes.
 *  (e) one trip to RAM at a random place in a buffer of the index's size: what a lookup that misses the caches waits.
 * Targets: ≥ 5 M lookups/s, ≥ 30× SQLite, ≤ 64 MB for 10 M ported numbers. Timings
 * are reported, never asserted in tests; the machine is shared, so compare ratios from one run.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildCarrierIndex } from '../lib/numbering/registry';
import { bundledRegistryPath, loadRegistryFile } from '../lib/numbering/store';
import { findRangeHolder } from '../lib/numbering/registry';
import {
  applyPortedChanges,
  createPortedChangesBuilder,
  createPortedIndexBuilder,
  deserializePortedIndex,
  findPortedOwner,
  serializePortedIndex,
  type PortedIndex,
} from '../lib/numbering/ported';
import { nationalBlockOf, nationalRestOf } from '../lib/numbering/phone';
import { parsePortedStream } from '../lib/numbering/ported';
import { portedPositionAt } from '../lib/numbering/ported';
import { resolveCarrier } from '../lib/numbering/carrier';
import type { CarrierMatch } from '../lib/numbering/registry';
import { createSqliteCarrierBaseline } from './support/sqlite-carrier-baseline';
import {
  createRandom,
  createRangeSampler,
  generatePortedNumbers,
  generateQueries,
  OWNER_IDS,
} from './support/synthetic-ported';
import { medianMs } from './support/median-ms';
import { ramTrip } from './support/ram-trip';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  // Memory is only meaningful after a forced collection: run again with the flag, same arguments.
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}

const PORTED = numberArg('ported', 10_000_000);
const QUERIES = numberArg('queries', 2_000_000);
const SQLITE_QUERIES = numberArg('sqlite-queries', 200_000);
const CHANGES = 100_000;
const PARSE_ROWS = numberArg('parse-rows', 2_000_000);
const REPEATS = 5;
const TARGET_RATE = 5e6;
const TARGET_RATIO = 30;
const TARGET_MB = 64;

let sink = 0;
const rows: [string, string, string][] = [];
const verdicts: string[] = [];

async function main(): Promise<void> {
  const file = bundledRegistryPath(path.resolve(import.meta.dirname, '..'));
  const { registry } = await loadRegistryFile(file);
  const index = buildCarrierIndex(registry.ranges);
  console.log(
    `registry ${path.basename(file)}: ${index.size} ranges; ${PORTED.toLocaleString('en')} synthetic ported; ` +
      `node ${process.version}\n`,
  );

  let started = performance.now();
  const synthetic = generatePortedNumbers(registry.ranges, PORTED, 20_261_126);
  const queries = generateQueries(registry.ranges, synthetic, {
    count: QUERIES,
    portedShare: 0.1,
    outsideShare: 0.02,
    seed: 7,
    inRegistry: (nsn) => findRangeHolder(index, `7${nsn}`) !== null,
  });
  console.log(`(synthetic data generated in ${seconds(started)})`);
  const pass = (run: (e164: string) => unknown, list: readonly string[]) => {
    for (let i = 0; i < list.length; i += 1) consume(run(list[i]!));
  };
  const rate = (run: (e164: string) => unknown, list: readonly string[], repeats = REPEATS) =>
    list.length / (medianMs(repeats, () => pass(run, list)) / 1e3);
  const onePass = (run: (e164: string) => unknown, list: readonly string[]) => {
    const start = performance.now();
    pass(run, list);
    return list.length / ((performance.now() - start) / 1e3);
  };

  // (b) SQLite is built first; its pages live outside the JS heap, so they do not count in our memory.
  started = performance.now();
  const sqlite = createSqliteCarrierBaseline(registry.ranges, synthetic.numbers, synthetic.owners);
  const sqliteBuild = performance.now() - started;
  const sample = queries.slice(0, SQLITE_QUERIES);

  // (c) + (d): memory and build time of the ported index.
  const before = heapAndExternal();
  started = performance.now();
  const builder = createPortedIndexBuilder({ expectedCount: PORTED });
  const slots = OWNER_IDS.map((id) => builder.ownerSlot(id));
  for (let i = 0; i < PORTED; i += 1) builder.addOwnerSlot(synthetic.numbers[i]!, slots[synthetic.owners[i]!]!);
  const addMs = performance.now() - started;
  let ported: PortedIndex = builder.build();
  const buildMs = performance.now() - started;
  const indexMb = (heapAndExternal() - before) / 2 ** 20;
  row(
    'build ported index',
    `${ms(buildMs)} (${ms(addMs)} adding)`,
    `${(PORTED / buildMs / 1e3).toFixed(1)} M numbers/s, random order`,
  );
  row(
    'ported index memory',
    `${indexMb.toFixed(1)} MB`,
    `${((indexMb * 2 ** 20) / ported.count).toFixed(2)} bytes/number, ${ported.count.toLocaleString('en')} numbers`,
  );
  verdict(
    `memory ≤ ${TARGET_MB} MB for ${PORTED.toLocaleString('en')} ported`,
    indexMb <= TARGET_MB,
    `${indexMb.toFixed(1)} MB`,
  );

  const changes = makeChanges(registry.ranges, synthetic.numbers);
  const mergeMs = medianMs(3, () => consume(applyPortedChanges(ported, changes)));
  row(
    'applyPortedChanges',
    ms(mergeMs),
    `${CHANGES.toLocaleString('en')} changes (add, owner change, removal) into ${ported.count.toLocaleString('en')}`,
  );
  const bytes = serializePortedIndex(ported);
  const serializeMs = medianMs(3, () => consume(serializePortedIndex(ported)));
  const deserializeMs = medianMs(3, () => consume(deserializePortedIndex(bytes)));
  row(
    'serialize / deserialize',
    `${ms(serializeMs)} / ${ms(deserializeMs)}`,
    `${(bytes.length / 2 ** 20).toFixed(1)} MB; deserialize validates, then views the bytes`,
  );
  ported = deserializePortedIndex(bytes);
  const { rows: fileRows, parseMs, fileMb } = await timePortAllParse(synthetic.numbers, synthetic.owners);
  row(
    'parsePortedStream',
    ms(parseMs),
    `Port_All file of ${fileRows.toLocaleString('en')} rows (${fileMb.toFixed(0)} MB) in 64 KB chunks: ` +
      `${(fileRows / parseMs / 1e3).toFixed(2)} M rows/s`,
  );

  // (a) lookups.
  const registryRate = rate((e164) => findRangeHolder(index, e164), queries);
  const portedRate = rate((e164) => findPortedOwner(ported, e164), queries);
  // Ours and SQLite timed in alternation, so a neighbour's load on this shared machine hits both alike.
  const resolve = (e164: string) => resolveCarrier({ e164, index, ported });
  pass(resolve, queries);
  pass(sqlite.lookupCode, sample);
  const resolveRates: number[] = [];
  const sqliteRates: number[] = [];
  for (let round = 0; round < REPEATS; round += 1) {
    resolveRates.push(onePass(resolve, queries));
    sqliteRates.push(onePass(sqlite.lookupCode, sample));
  }
  const resolveRate = middle(resolveRates);
  const sqliteRate = middle(sqliteRates);
  const sqliteAnswers = sample.map((e164) => sqlite.lookup(e164));
  sqlite.close();
  const found = tally(queries.map((e164) => resolveCarrier({ e164, index, ported })?.source ?? 'none'));
  row('findRangeHolder (registry)', perSecond(registryRate), 'direct-mapped first level on 6 digits');
  row('findPortedOwner', perSecond(portedRate), 'interpolated, branch-free window');
  row(
    '  the same, pre-split',
    perSecond(splitRate(ported, queries)),
    'numbers already split into block + rest integers: the index alone, no string parsing',
  );
  row(
    '  the parsing alone',
    perSecond(parseRate(queries)),
    'e164 strings → block + rest integers, no index: each part is fast alone, together they are not',
  );
  const trip = ramTrip(ported.rests.byteLength + ported.ownerSlots.byteLength);
  sink += trip.checksum & 1;
  row(
    'RAM trip (machine floor)',
    `${trip.dependentNs.toFixed(0)} ns`,
    `one read at a random place in ` +
      `${((ported.rests.byteLength + ported.ownerSlots.byteLength) / 2 ** 20).toFixed(0)} MB (the ported index's ` +
      `size) waiting for the one before; ${trip.independentNs.toFixed(1)} ns each when independent`,
  );
  row('resolveCarrier', perSecond(resolveRate), `${QUERIES.toLocaleString('en')} numbers: ${found}`);
  verdict(`resolveCarrier ≥ ${TARGET_RATE / 1e6} M/s`, resolveRate >= TARGET_RATE, perSecond(resolveRate));

  const mismatches = crossCheck(
    sample,
    (e164) => resolveCarrier({ e164, index, ported }),
    sqliteAnswers,
    index.matches,
  );
  row(
    'SQLite baseline',
    perSecond(sqliteRate),
    `built in ${ms(sqliteBuild)}; ${SQLITE_QUERIES.toLocaleString('en')} of the same numbers; answers ` +
      `${mismatches === 0 ? 'equal to ours' : `DIFFER in ${mismatches}`}`,
  );
  row(
    'ours / SQLite',
    `${(resolveRate / sqliteRate).toFixed(1)}×`,
    `registry only ${(registryRate / sqliteRate).toFixed(1)}×`,
  );
  verdict(
    `resolveCarrier ≥ ${TARGET_RATIO}× SQLite`,
    resolveRate / sqliteRate >= TARGET_RATIO && mismatches === 0,
    `${(resolveRate / sqliteRate).toFixed(1)}×`,
  );

  printTable();
  if (sink === 0) console.log('(sink empty)');
}

/** 50 % new numbers, 40 % owner changes, 10 % numbers going back to their range holder. */
function makeChanges(ranges: Parameters<typeof createRangeSampler>[0], numbers: Float64Array) {
  const random = createRandom(99);
  const sampler = createRangeSampler(ranges, random);
  const builder = createPortedChangesBuilder();
  for (let i = 0; i < CHANGES; i += 1) {
    const draw = random();
    const existing = numbers[Math.floor(random() * numbers.length)]!;
    if (draw < 0.5) builder.set(sampler.next(), OWNER_IDS[i & 3]!);
    else if (draw < 0.9) builder.set(existing, OWNER_IDS[(i + 1) & 3]!);
    else builder.remove(existing);
  }
  return builder.build();
}

/**
 * Diagnostic: the ported index alone, given numbers already split into integers. The gap to
 * findPortedOwner is not the index: with the string parsing in the same loop, each lookup issues
 * enough instructions that the CPU stops overlapping one lookup's RAM trip with the next one's.
 */
function splitRate(ported: PortedIndex, queries: readonly string[]): number {
  const blocks = new Int32Array(queries.length);
  const rests = new Int32Array(queries.length);
  queries.forEach((e164, i) => {
    blocks[i] = nationalBlockOf(e164);
    rests[i] = nationalRestOf(e164);
  });
  const run = () => {
    let found = 0;
    for (let i = 0; i < blocks.length; i += 1)
      if (blocks[i]! >= 0 && portedPositionAt(ported, blocks[i]!, rests[i]!) >= 0) found += 1;
    sink += found;
  };
  return queries.length / (medianMs(REPEATS, run) / 1e3);
}

/**
 * Diagnostic: reading the strings alone (what the pre-split row leaves out). V8 compiles each charCodeAt into a loop
 * over string representations (~12 instructions, 6 branches per character, `node --print-opt-code`), so the 11
 * characters and their validation are ~150 instructions: cheap on their own, but enough, added to the index's, that
 * the CPU no longer has the next lookup's RAM read in flight while it waits for this one's.
 */
function parseRate(queries: readonly string[]): number {
  const run = () => {
    let total = 0;
    for (let i = 0; i < queries.length; i += 1) {
      const block = nationalBlockOf(queries[i]!);
      total += block < 0 ? 0 : block + nationalRestOf(queries[i]!);
    }
    sink += total & 1;
  };
  return queries.length / (medianMs(REPEATS, run) / 1e3);
}

/** A Port_All text of the first PARSE_ROWS synthetic numbers, streamed through parsePortedStream. */
async function timePortAllParse(
  numbers: Float64Array,
  owners: Uint8Array,
): Promise<{ rows: number; parseMs: number; fileMb: number }> {
  const rows = Math.min(PARSE_ROWS, numbers.length);
  const lines = ['Number,OwnerId,MNC,Route,RegionCode,PortDate,RowCount'];
  for (let i = 0; i < rows; i += 1)
    lines.push(
      `${numbers[i]},${OWNER_IDS[owners[i]!]},02,D7702,77,` +
        `2019-03-0${1 + (i % 9)}T12:00:17+03:00,${i === 0 ? rows : ''}`,
    );
  const file = Buffer.from(lines.join('\n'), 'latin1');
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < file.length; at += 65_536) yield file.subarray(at, at + 65_536);
  }
  const started = performance.now();
  const parsed = await parsePortedStream(chunks(), { totalBytes: file.length });
  const parseMs = performance.now() - started;
  if (parsed.stats.acceptedRows !== rows)
    throw new Error(`parsePortedStream accepted ${parsed.stats.acceptedRows} of ${rows} rows`);
  return { rows, parseMs, fileMb: file.length / 2 ** 20 };
}

function crossCheck(
  sample: readonly string[],
  ours: (e164: string) => ReturnType<typeof resolveCarrier>,
  theirs: readonly { owner: number; row: number }[],
  matches: readonly CarrierMatch[],
): number {
  const rowOf = new Map(matches.map((match, row) => [match, row]));
  let mismatches = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const a = ours(sample[i]!);
    const b = theirs[i]!;
    const owner = a?.portedTo ? OWNER_IDS.indexOf(a.portedTo.ownerId as (typeof OWNER_IDS)[number]) : -1;
    const row = a?.rangeHolder ? rowOf.get(a.rangeHolder)! : -1;
    if (owner !== b.owner || row !== b.row) mismatches += 1;
  }
  return mismatches;
}

function middle(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function heapAndExternal(): number {
  gc!();
  gc!();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

function consume(value: unknown): void {
  if (value !== null && value !== undefined) sink += 1;
}

function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([key, count]) => `${((count / values.length) * 100).toFixed(1)} % ${key}`).join(', ');
}

function row(name: string, value: string, note: string): void {
  rows.push([name, value, note]);
}

function verdict(target: string, pass: boolean, actual: string): void {
  verdicts.push(`${pass ? 'PASS' : 'FAIL'}  ${target}: ${actual}`);
}

function printTable(): void {
  const width = Math.max(...rows.map(([name]) => name.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  console.log('');
  for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(valueWidth)}  ${note}`);
  console.log('');
  for (const line of verdicts) console.log(line);
}

function numberArg(name: string, fallback: number): number {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found ? Number(found.slice(name.length + 3)) : fallback;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const seconds = (since: number) => `${((performance.now() - since) / 1e3).toFixed(1)} s`;
const perSecond = (value: number) => `${(value / 1e6).toFixed(2)} M/s`;

await main();
