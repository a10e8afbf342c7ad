import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { lookupCarrier } from '../carrier';
import { getNumberingData } from './get-numbering-data';
import { importRegistryFile } from './import-registry-file';

const bundled = readFileSync('data/registry/DEF-9xx.csv', 'utf8');
const lines = bundled.split('\n');
const MTS = '7740000076';
const BEELINE = '7713076301';
/** The first 915 row (MTS, 915 000-00-00…): the tests move it to Beeline and back. */
const row915 = lines.findIndex((line) => line.startsWith('915;'));
const firstOf915 = `7915${lines[row915]!.split(';')[1]}`;

function withLine(index: number, line: string): string {
  return lines.map((l, i) => (i === index ? line : l)).join('\n');
}
const movedToBeeline = withLine(
  row915,
  lines[row915]!.replace(/;[^;]*;([^;]*;[^;]*);7740000076/, ';ПАО "ВЫМПЕЛКОМ";$1;7713076301'),
);

async function* chunksOf(content: string | Uint8Array, size = 65_536): AsyncIterable<Uint8Array> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe.each(['sqlite', 'postgresql'] as const)('registry import on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase({ kind });
  });
  afterAll(async () => {
    await test?.dispose();
  });
  const current = async () => lookupCarrier(firstOf915, await getNumberingData({ db: test.db() }));
  const importText = (text: string | Uint8Array, extra: Partial<Parameters<typeof importRegistryFile>[0]> = {}) =>
    importRegistryFile({ chunks: chunksOf(text), fileName: 'DEF-9xx.csv', source: 'file', db: test.db(), ...extra });

  it('starts on the bundled file: carrier detection works right after install', async () => {
    const data = await getNumberingData({ db: test.db() });
    expect(data.files).toMatchObject([{ kind: 'DEF-9xx', source: 'bundled', versionId: null, rows: 16_629 }]);
    expect((await current()).carrier?.inn).toBe(MTS);
  });

  it('activates a changed file atomically, keeps the one it replaced and reports the diff', async () => {
    const result = await importText(movedToBeeline);
    expect(result).toMatchObject({
      outcome: 'activated',
      kind: 'DEF-9xx',
      rows: 16_629,
      diff: { rangesChangedCarrier: 1, rangesAdded: 0, rangesRemoved: 0 },
    });
    expect(result.diff!.numbersChangedCarrier).toBeGreaterThan(0);
    expect((await current()).carrier?.inn).toBe(BEELINE);
    const again = await importText(movedToBeeline);
    expect(again.outcome).toBe('unchanged');
    await importText(bundled);
    const versions = await test.db().registryVersion.findMany({ orderBy: { id: 'asc' } });
    expect(versions.map((v) => [v.status, v.content === null])).toEqual([
      ['previous', false],
      ['active', false],
    ]);
    expect((await current()).carrier?.inn).toBe(MTS);
  });

  it.each([
    ['a truncated file', bundled.slice(0, bundled.length - 40), /truncated_file|row\(s\) rejected/],
    ['garbage rows', withLine(5, 'это не строка реестра'), /1 row\(s\) rejected \(lines 6\)/],
    ['overlapping ranges', withLine(6, lines[5]!), /1 row\(s\) rejected \(lines 7\)/],
    ['a file cut at a line boundary', lines.slice(0, 2_000).join('\n'), /looks cut off/],
  ])('refuses %s with line numbers and keeps the data in use', async (_name, text, reason) => {
    const before = await getNumberingData({ db: test.db() });
    const result = await importText(text);
    expect(result.outcome).toBe('rejected');
    expect(result.reason).toMatch(reason);
    const after = await getNumberingData({ db: test.db() });
    expect(after.fingerprint).toBe(before.fingerprint);
    expect((await current()).carrier?.inn).toBe(MTS);
    const recorded = await test
      .db()
      .registryVersion.findFirst({ where: { status: 'rejected' }, orderBy: { id: 'desc' } });
    expect(recorded?.content).toBeNull();
  });

  it('imports a file with bad rows when the admin accepts the row errors, leaving those rows out', async () => {
    const result = await importText(withLine(row915, 'мусор'), { acceptRowErrors: true });
    expect(result).toMatchObject({ outcome: 'activated', rows: 16_628, rejectedRows: 1 });
    expect(result.issues[0]).toMatchObject({ line: row915 + 1, severity: 'error' });
    expect((await current()).source).toBe('unknown');
    await importText(bundled);
  });

  it(
    'two app instances importing at once: both activate in turn, one ' + 'version active, the other kept as previous',
    async () => {
      // Two clients = two instances of the app. The activations are serialised by a named lock (on PostgreSQL; SQLite
      // has one writer anyway); lib/db/take-write-lock.int.test.ts shows that the lock makes them wait for each other.
      const clients = [createDb({ database: test.database }), createDb({ database: test.database })];
      try {
        const texts = [movedToBeeline, withLine(row915 + 1, lines[row915 + 1]!.replace(/;7740000076/, ';7713076301'))];
        const results = await Promise.all(
          clients.map((db, i) =>
            importRegistryFile({
              chunks: chunksOf(texts[i]!),
              fileName: `DEF-9xx-${i}.csv`,
              source: 'file',
              db,
              acceptShrink: true,
            }),
          ),
        );
        expect(results.map((r) => r.outcome)).toEqual(['activated', 'activated']);
        // Each diff is against the version it replaced: the later one also puts the other's moved row back (2 ranges),
        // not against the bundled file both started from (1 range).
        const [first, second] = [...results].sort((a, b) => a.versionId! - b.versionId!);
        expect([first!.diff?.rangesChangedCarrier, second!.diff?.rangesChangedCarrier]).toEqual([1, 2]);
        const active = await test.db().registryVersion.findMany({ where: { kind: 'DEF-9xx', status: 'active' } });
        expect(active).toHaveLength(1);
        expect(await test.db().registryVersion.count({ where: { kind: 'DEF-9xx', status: 'previous' } })).toBe(1);
      } finally {
        await Promise.all(clients.map((db) => db.$disconnect()));
        await importText(bundled);
      }
    },
  );

  it('lets another process see the new version at its next check', async () => {
    const other = createDb({ database: test.database });
    try {
      const seen = await getNumberingData({ db: other });
      await importText(movedToBeeline);
      expect(lookupCarrier(firstOf915, await getNumberingData({ db: other })).carrier?.inn).toBe(MTS);
      await getNumberingData({ db: other, now: Date.now() + 60_000 });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const later = await getNumberingData({ db: other });
      expect(later.fingerprint).not.toBe(seen.fingerprint);
      expect(lookupCarrier(firstOf915, later).carrier?.inn).toBe(BEELINE);
    } finally {
      await other.$disconnect();
      await importText(bundled);
    }
  });
});
