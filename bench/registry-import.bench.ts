/**
 * Registry import benchmark: `npx tsx bench/registry-import.bench.ts`.
 *
 * Target: DEF-9xx.csv (16.6k rows) imported and live in ≤ 1 s — read, decoded, every row checked,
 * diffed against the version in use, stored (gzip) in the database in one transaction and swapped into this process's
 * lookups. Baseline, measured in the same run so slow machines compare fairly: the floor of any import — reading the
 * file and splitting it into fields, nothing else. Timing is never asserted in tests.
 */
import { readFileSync } from 'node:fs';
import { createDb } from '../lib/db/client';
import { createTestDatabase } from '../lib/db/testing/create-test-database';
import { lookupCarrier } from '../lib/numbering/carrier';
import { getNumberingData } from '../lib/numbering/store';
import { importRegistryFile } from '../lib/numbering/store';
import { openFileChunks } from '../lib/numbering/store';

const FILE = 'data/registry/DEF-9xx.csv';
const ROUNDS = 5;
const TARGET_MS = 1_000;

async function* inChunks(bytes: Buffer): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function baselineMs(): number {
  const started = performance.now();
  let fields = 0;
  for (const line of readFileSync(FILE, 'utf8').split('\n')) fields += line.split(';').length;
  if (fields === 0) throw new Error('empty file');
  return performance.now() - started;
}

const kinds = process.argv.includes('--postgresql') ? (['sqlite', 'postgresql'] as const) : (['sqlite'] as const);
for (const kind of kinds) {
  const test = await createTestDatabase({ kind });
  const db = test.db();
  try {
    await getNumberingData({ db }); // the version in use (the bundled file), as on a running server
    const imports: number[] = [];
    const baselines: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      baselines.push(baselineMs());
      // Alternate two contents so every round is a real switch, not "unchanged".
      const text = readFileSync(FILE, 'utf8') + (round % 2 === 0 ? '\n' : '');
      const bytes = Buffer.from(text, 'utf8');
      const started = performance.now();
      const result = await importRegistryFile({
        chunks: inChunks(bytes),
        totalBytes: bytes.length,
        fileName: 'DEF-9xx.csv',
        source: 'file',
        db,
      });
      const live = lookupCarrier('79150000000', await getNumberingData({ db }));
      imports.push(performance.now() - started);
      if (result.outcome !== 'activated' || live.carrier?.inn !== '7740000076')
        throw new Error(`round ${round}: ${result.outcome} ${result.reason}`);
    }
    const opened = await openFileChunks(FILE);
    const fromDisk = performance.now();
    await importRegistryFile({ ...opened, source: 'file', db: createDb({ database: test.database }) });
    const diskMs = performance.now() - fromDisk;
    const importMs = median(imports);
    const baseMs = median(baselines);
    console.log(
      `registry import on ${kind}: DEF-9xx.csv → live in ${importMs.toFixed(0)} ms (median of ${ROUNDS}; ` +
        `rounds ${imports.map((m) => m.toFixed(0)).join(' ')}), first import in a fresh process's cache ` +
        `${diskMs.toFixed(0)} ms`,
    );
    console.log(
      `  baseline read + split: ${baseMs.toFixed(0)} ms → import costs ${(importMs / baseMs).toFixed(1)}× the floor`,
    );
    console.log(`  target ≤ ${TARGET_MS} ms: ${importMs <= TARGET_MS ? 'PASS' : 'FAIL'}`);
  } finally {
    await test.dispose();
  }
}
