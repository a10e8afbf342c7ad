/**
 * Carrier lookup benchmark: `npx tsx bench/numbering.bench.ts`.
 *
 * Prints absolute numbers and, more usefully, ratios against baselines measured in the same run on
 * the same machine (a naive linear scan over all rows, and the per-DEF-code linear scan that public
 * tools such as rsvz_checker use), so the result means something on a slow CI box too. Targets:
 * ≥ 1 M lookups/s, index build < 50 ms for the 16.6k-row registry. Timing is never
 * asserted in tests; this script only reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCarrierIndex, type CarrierIndex } from '../lib/numbering/registry';
import { decodeRegistryBytes } from '../lib/numbering/registry';
import { bundledRegistryPath } from '../lib/numbering/store';
import { findRangeHolder } from '../lib/numbering/registry';
import { normalizePhoneNumber } from '../lib/numbering/phone';
import { parsePortedNumbers } from '../lib/numbering/ported';
import { createPortedIndexBuilder } from '../lib/numbering/ported';
import { parseRegistry } from '../lib/numbering/registry';
import { resolveCarrier } from '../lib/numbering/carrier';
import type { CarrierMatch, RegistryRange } from '../lib/numbering/registry';
import { medianMs } from './support/median-ms';

const LOOKUPS = 2_000_000;
const BASELINE_LOOKUPS = 20_000;
const REPEATS = 7;

let sink = 0;
function consume(value: unknown): void {
  if (value !== null && value !== undefined) sink += 1;
}

/** Deterministic numbers so runs are comparable: mostly inside 900–999, some geographic and gaps. */
function makeNumbers(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const numbers: string[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const code = next() % 10 === 0 ? 495 : 900 + (next() % 100);
    numbers[i] = `7${code}${String(next() % 10_000_000).padStart(7, '0')}`;
  }
  return numbers;
}

type Row = { start: number; end: number; match: CarrierMatch };

function toRows(index: CarrierIndex): Row[] {
  return Array.from({ length: index.size }, (_, i) => ({
    start: index.starts[i]!,
    end: index.ends[i]!,
    match: index.matches[i]!,
  }));
}

/** Baseline 1: scan every row until one contains the number. */
function linearLookup(rows: Row[], e164: string): CarrierMatch | null {
  const nsn = Number(e164.slice(1));
  for (const row of rows) if (row.start <= nsn && nsn <= row.end) return row.match;
  return null;
}

/** Baseline 2: rows grouped by DEF code, then a linear scan inside the code (rsvz_checker's map). */
function groupByCode(
  ranges: readonly RegistryRange[],
): Map<string, { from: number; to: number; range: RegistryRange }[]> {
  const byCode = new Map<string, { from: number; to: number; range: RegistryRange }[]>();
  for (const range of ranges) {
    const list = byCode.get(range.def) ?? [];
    list.push({ from: Number(range.from), to: Number(range.to), range });
    byCode.set(range.def, list);
  }
  return byCode;
}

function perCodeLookup(byCode: ReturnType<typeof groupByCode>, e164: string): RegistryRange | null {
  const list = byCode.get(e164.slice(1, 4));
  if (!list) return null;
  const subscriber = Number(e164.slice(4));
  for (const entry of list) if (entry.from <= subscriber && subscriber <= entry.to) return entry.range;
  return null;
}

function rate(count: number, ms: number): string {
  return `${(((count / ms) * 1000) / 1e6).toFixed(2)} M/s`;
}

function ratio(value: number): string {
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}×`;
}

function main(): void {
  const file = process.argv[2] ?? bundledRegistryPath(path.resolve(import.meta.dirname, '..'));
  const bytes = readFileSync(file);
  const { text } = decodeRegistryBytes(bytes);
  console.log(
    `registry: ${path.basename(file)}, ${bytes.length} bytes; node ${process.version}; ${REPEATS} timed runs, median\n`,
  );

  // Parsing and index build.
  const parsed = parseRegistry(text);
  const decodeMs = medianMs(REPEATS, () => consume(decodeRegistryBytes(bytes)));
  const parseMs = medianMs(REPEATS, () => consume(parseRegistry(text)));
  const buildMs = medianMs(REPEATS * 3, () => consume(buildCarrierIndex(parsed.ranges)));
  const naiveBuildMs = medianMs(REPEATS * 3, () => consume(groupByCode(parsed.ranges)));
  const index = buildCarrierIndex(parsed.ranges);
  console.log(`rows accepted           ${parsed.stats.acceptedRows} (${parsed.errors.length} issues)`);
  console.log(`decode bytes            ${decodeMs.toFixed(2)} ms`);
  console.log(`parseRegistry           ${parseMs.toFixed(2)} ms`);
  console.log(
    `buildCarrierIndex       ${buildMs.toFixed(2)} ms  (target < 50 ms: ${ratio(50 / buildMs)} headroom; ` +
      `baseline group-by-code map ${naiveBuildMs.toFixed(2)} ms, ratio ${ratio(buildMs / naiveBuildMs)})\n`,
  );

  // Lookups.
  const numbers = makeNumbers(LOOKUPS, 42);
  const sample = numbers.slice(0, BASELINE_LOOKUPS);
  const rows = toRows(index);
  const byCode = groupByCode(parsed.ranges);
  let mismatches = 0;
  for (const e164 of sample) {
    const expected = linearLookup(rows, e164);
    if (findRangeHolder(index, e164) !== expected) mismatches += 1;
    if ((perCodeLookup(byCode, e164)?.inn ?? null) !== (expected?.inn ?? null)) mismatches += 1;
  }
  const found = numbers.filter((e164) => findRangeHolder(index, e164) !== null).length;

  const indexedMs = medianMs(REPEATS, () => {
    for (const e164 of numbers) consume(findRangeHolder(index, e164));
  });
  const linearMs = medianMs(3, () => {
    for (const e164 of sample) consume(linearLookup(rows, e164));
  });
  const perCodeMs = medianMs(REPEATS, () => {
    for (const e164 of numbers) consume(perCodeLookup(byCode, e164));
  });
  const indexedRate = numbers.length / indexedMs;
  console.log(
    `lookups: ${numbers.length} numbers, ${((found / numbers.length) * 100).toFixed(1)}% in a range; results ` +
      `agree with the linear scan: ${mismatches === 0 ? 'yes' : `NO (${mismatches} mismatches)`}`,
  );
  console.log(
    `findRangeHolder (indexed) ${rate(numbers.length, indexedMs)}  (target ≥ 1 M/s: ${ratio(indexedRate / 1000)})`,
  );
  console.log(
    `baseline linear scan    ${rate(sample.length, linearMs)}  → the index is ` +
      `${ratio(indexedRate / (sample.length / linearMs))} faster`,
  );
  console.log(
    `baseline per-DEF scan   ${rate(numbers.length, perCodeMs)}  → the index is ` +
      `${ratio(indexedRate / (numbers.length / perCodeMs))} faster`,
  );

  // Worst code for scans: DEF 949 holds 4,803 rows (mostly 100-number blocks).
  const in949 = numbers.slice(0, 200_000).map((e164) => `7949${e164.slice(4)}`);
  const indexed949Ms = medianMs(REPEATS, () => {
    for (const e164 of in949) consume(findRangeHolder(index, e164));
  });
  const perCode949Ms = medianMs(3, () => {
    for (const e164 of in949) consume(perCodeLookup(byCode, e164));
  });
  console.log(
    `DEF 949 only (4.8k rows) indexed ${rate(in949.length, indexed949Ms)}, per-DEF scan ` +
      `${rate(in949.length, perCode949Ms)}` +
      ` → the index is ${ratio(perCode949Ms / indexed949Ms)} faster\n`,
  );

  // The whole path a call takes: raw CRM input → normalise → resolve with ported/override maps.
  const formatted = numbers
    .slice(0, 500_000)
    .map((e164, i) =>
      i % 2 ? `+7 (${e164.slice(1, 4)}) ${e164.slice(4, 7)}-${e164.slice(7, 9)}-${e164.slice(9)}` : `8${e164.slice(1)}`,
    );
  const portedText = [
    'Number,OwnerId,MNC,Route,RegionCode,PortDate,RowCount',
    ...numbers
      .slice(0, 100_000)
      .filter((_, i) => i % 12 === 0)
      .map((e164) => `${e164.slice(1)},mMEGAFON,02,D7702,77,2024-01-01T00:00:00+03:00,`),
  ].join('\n');
  const portedMs = medianMs(3, () => consume(parsePortedNumbers(portedText)));
  const parsedPorted = parsePortedNumbers(portedText).ported;
  const portedBuilder = createPortedIndexBuilder();
  for (const entry of parsedPorted.values()) portedBuilder.add(Number(entry.e164.slice(1)), entry.ownerId);
  const ported = portedBuilder.build();
  const overrides = new Map(numbers.slice(0, 1000).map((e164) => [e164, { inn: '7743895280' }]));
  const endToEndMs = medianMs(REPEATS, () => {
    for (const input of formatted) {
      const normalized = normalizePhoneNumber(input);
      if (normalized.ok) consume(resolveCarrier({ e164: normalized.e164, index, ported, overrides }));
    }
  });
  const normalizeMs = medianMs(REPEATS, () => {
    for (const input of formatted) consume(normalizePhoneNumber(input));
  });
  console.log(
    `parsePortedNumbers      ${ported.count} rows in ${portedMs.toFixed(1)} ms (${rate(ported.count, portedMs)})`,
  );
  console.log(`normalizePhoneNumber    ${rate(formatted.length, normalizeMs)}`);
  console.log(
    `normalize + resolve     ${rate(formatted.length, endToEndMs)}  (with ${ported.count} ported and ` +
      `${overrides.size} overrides)`,
  );
  if (sink === 0) console.log('(sink empty)');
}

main();
