import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { lookupCarrier } from '../carrier';
import { getNumberingData } from './get-numbering-data';
import { importNumberingFile } from './import-numbering-file';
import { openFileChunks } from './read-registry-file';

const MIB = 1024 * 1024;
const REGISTRY_LINES = readFileSync('data/registry/DEF-9xx.csv', 'utf8').split('\n');
const REGISTRY_HEADER = REGISTRY_LINES[0]!;
const PORT_ALL_HEADER = 'Number,OwnerId,MNC,Route,RegionCode,PortDate,RowCount';
/** A number of the bundled registry (MTS), to prove the registry in force still answers after a refusal. */
const MTS_NUMBER = '79150000000';
/** The heap an import may add on top of what the test already holds: far below what every junk row kept would take. */
const HEAP_BOUND = 200 * MIB;

/** A file of `megabytes` MiB: a real header, then junk rows, written in pieces so the test itself holds none of it. */
async function writeJunkFile(
  dir: string,
  name: string,
  header: string,
  junkRow: string,
  megabytes: number,
): Promise<string> {
  const file = path.join(dir, name);
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  const block = Buffer.from(junkRow.repeat(Math.ceil(MIB / junkRow.length)));
  for (let written = 0; written < megabytes; written += 1) {
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

/** Runs an import and reports the largest heap growth seen while it ran (sampled at each progress report). */
async function peakHeapGrowth(
  run: (sample: () => void) => Promise<unknown>,
): Promise<{ growth: number; error: unknown }> {
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const error = await run(sample).then(
    () => null,
    (failure: unknown) => failure,
  );
  sample();
  return { growth: peak - before, error };
}

describe.each(['sqlite', 'postgresql'] as const)('bounded numbering imports on %s', (kind) => {
  let test: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    test = await createTestDatabase({ kind });
    dir = mkdtempSync(path.join(tmpdir(), 'numbering-junk-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await test?.dispose();
  });

  async function expectRegistryInForce(): Promise<void> {
    const data = await getNumberingData({ db: test.db() });
    expect(data.files).toMatchObject([{ kind: 'DEF-9xx', rows: 16_629 }]);
    expect(lookupCarrier(MTS_NUMBER, data).carrier?.inn).toBe('7740000076');
    expect(await test.db().registryVersion.count({ where: { status: 'active' } })).toBe(0);
  }

  it.each([
    ['a registry extract', REGISTRY_HEADER, '915;junk;x;;;;;\n'],
    ['an MNP export', PORT_ALL_HEADER, 'junk,mMTS,01,D7701,77,,\n'],
  ])(
    'refuses 40 MB of junk rows in %s with bounded memory, leaving the registry in force',
    async (_what, header, row) => {
      await expectRegistryInForce();
      const file = await writeJunkFile(dir, `junk-${kind}.csv`, header, row, 40);
      const opened = await openFileChunks(file);
      const { growth, error } = await peakHeapGrowth((sample) =>
        importNumberingFile({ ...opened, source: 'upload', db: test.db(), acceptRowErrors: true, onProgress: sample }),
      );
      rmSync(file);
      expect(error).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/с ошибками .* \/ .* rows are bad/),
      });
      expect(growth).toBeLessThan(HEAP_BOUND);
      await expectRegistryInForce();
    },
  );

  it('stops reading a request body past the byte limit and cancels it, without reading it whole', async () => {
    const rows = Buffer.from(`${REGISTRY_LINES.slice(1, 5_000).join('\n')}\n`);
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(Buffer.from(`${REGISTRY_HEADER}\n`)),
      pull: (controller) => {
        pulled += rows.length;
        controller.enqueue(rows);
        if (pulled > 100 * MIB) controller.close();
      },
      cancel: () => {
        cancelled = true;
      },
    });
    const refused = importNumberingFile({
      chunks: body,
      fileName: 'DEF-9xx.csv',
      source: 'upload',
      db: test.db(),
      maxBytes: 4 * MIB,
    });
    await expect(refused).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/предела .* \/ .* limit/),
    });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(8 * MIB);
    await expectRegistryInForce();
  });

  it('refuses an upload announced over the limit before reading a byte', async () => {
    let pulled = 0;
    async function* never(): AsyncIterable<Uint8Array> {
      pulled += 1;
      yield Buffer.from(REGISTRY_HEADER);
    }
    const refused = importNumberingFile({
      chunks: never(),
      totalBytes: 1024 * MIB,
      fileName: 'DEF-9xx.csv',
      source: 'upload',
      db: test.db(),
    });
    await expect(refused).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(pulled).toBe(0);
  });
});
