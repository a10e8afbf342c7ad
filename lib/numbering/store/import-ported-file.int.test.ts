import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { lookupCarrier } from '../carrier';
import { getCurrentNumberingData, getNumberingData } from './get-numbering-data';
import { importPortedFile } from './import-ported-file';
import { ensureLocalPortal } from '../../portals/ensure-local-portal';
import { removeNumberOverride } from '../../routing/settings/remove-number-override';
import { setNumberOverride } from '../../routing/settings/set-number-override';
import { learnNumberCarrier } from './learn-number-carrier';
import { lookupCarriers } from './lookup-carriers';

const MTS = '7740000076';
const BEELINE = '7713076301';
const MEGAFON = '7812014560';
// 915 000-00-00… is MTS in the bundled registry.
const A = '9150000001';
const B = '9150000002';
const C = '9150000003';

const portAll = [
  'Number,OwnerId,MNC,Route,RegionCode,PortDate,RowCount',
  `${A},mBEELINE,99,D7799,77,2024-01-01T12:00:00+03:00,3`,
  `${B},mBEELINE,99,D7799,77,2024-02-01T12:00:00+03:00,`,
  `${C},mMEGAFON,02,D7702,77,2024-03-01T12:00:00+03:00,`,
].join('\n');
const increment = [
  'NPId,Number,RecipientId,DonorId,RangeHolderId,OldRoute,NewRoute,OldMNC,NewMNC,RegionCode,PortDate,RowCount',
  `1001,${A},mMEGAFON,mBEELINE,mMTS,D7799,D7702,99,02,77,2025-01-01T12:00:00+03:00,1`,
].join('\n');

async function* chunksOf(text: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(text, 'utf8');
}

describe.each(['sqlite', 'postgresql'] as const)('ported numbers and overrides on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase({ kind });
  });
  afterAll(async () => {
    await test?.dispose();
  });
  const importText = (text: string, fileName: string) =>
    importPortedFile({ chunks: chunksOf(text), fileName, source: 'file', db: test.db() });
  const look = async (number: string) => lookupCarrier(number, await getNumberingData({ db: test.db() }));

  it('refuses an increment before any full file, and a file with a bad row, changing nothing', async () => {
    expect(await importText(increment, 'Port_Increment_1.csv')).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/Port_All first/),
    });
    const bad = await importText(`${portAll}\n91500000xx,mMTS,01,D7701,77,,`, 'Port_All_bad.csv');
    expect(bad).toMatchObject({ outcome: 'rejected', rejectedRows: 1, issues: [expect.objectContaining({ line: 5 })] });
    expect((await look(A)).source).toBe('registry');
  });

  it('a ported number beats the registry, and keeps its range holder', async () => {
    const result = await importText(portAll, 'Port_All_202601010000_0001.csv');
    expect(result).toMatchObject({ outcome: 'activated', numbers: 3, diff: { added: 3, removed: 0, changedOwner: 0 } });
    expect(await look(`+7 (${A.slice(0, 3)}) ${A.slice(3)}`)).toMatchObject({
      source: 'ported',
      detail: 'mnp',
      carrier: { inn: BEELINE },
      range: { holderInn: MTS },
    });
    expect((await look('79150000009')).source).toBe('registry');
  });

  it('applies an increment on top of the set in use', async () => {
    const result = await importText(increment, 'Port_Increment_2.csv');
    expect(result).toMatchObject({ outcome: 'activated', numbers: 3, diff: { added: 0, removed: 0, changedOwner: 1 } });
    expect((await look(A)).carrier?.inn).toBe(MEGAFON);
    const versions = await test
      .db()
      .portedVersion.findMany({ where: { status: { in: ['active', 'previous'] } }, orderBy: { id: 'asc' } });
    expect(versions.map((v) => v.status)).toEqual(['previous', 'active']);
  });

  it("a portal admin's override beats learned answers and ported data for that portal", async () => {
    const { id: portalId } = await ensureLocalPortal({ db: test.db() });
    const lookFor = async (number: string) => (await lookupCarriers({ text: number, portalId, db: test.db() }))[0]!;
    await setNumberOverride({ db: test.db(), portalId, number: `8${B}`, inn: MTS, note: 'проверено звонком' });
    expect(await lookFor(B)).toMatchObject({
      source: 'override',
      detail: 'admin',
      carrier: { inn: MTS, brand: 'МТС' },
    });
    expect((await look(B)).source).toBe('ported');
    await learnNumberCarrier({ db: test.db(), e164: `7${B}`, inn: MEGAFON, ttlMs: 60_000 });
    expect((await lookFor(B)).carrier?.inn).toBe(MTS);
    expect(await look(B)).toMatchObject({ source: 'override', detail: 'learned', carrier: { inn: MEGAFON } });
    await removeNumberOverride({ db: test.db(), portalId, number: B });
    expect((await lookFor(B)).carrier?.inn).toBe(MEGAFON);
    await learnNumberCarrier({ db: test.db(), e164: `7${B}`, inn: MEGAFON, ttlMs: -1 });
    expect(await test.db().numberOverride.count({ where: { number: `7${B}` } })).toBe(1);
    expect((await look(B)).source).toBe('ported');
    await learnNumberCarrier({ db: test.db(), e164: `7${C}`, inn: BEELINE, ttlMs: 60_000 });
    expect(await look(C)).toMatchObject({ source: 'override', detail: 'learned', carrier: { inn: BEELINE } });
    await learnNumberCarrier({ db: test.db(), e164: `7${C}`, inn: BEELINE, ttlMs: -1 });
    expect(await look(C)).toMatchObject({ source: 'ported', carrier: { inn: MEGAFON } });
  });

  it('refuses an override with a bad number or an ИНН the registry does not know, naming the field', async () => {
    const { id: portalId } = await ensureLocalPortal({ db: test.db() });
    await expect(setNumberOverride({ db: test.db(), portalId, number: '123', inn: MTS })).rejects.toMatchObject({
      fields: { number: expect.any(String) },
    });
    await expect(setNumberOverride({ db: test.db(), portalId, number: A, inn: '1234567890' })).rejects.toMatchObject({
      fields: { inn: expect.any(String) },
    });
  });

  it(
    'two app instances importing increments at once: each applies to the set the other activated, ' +
      'no change is lost',
    async () => {
      // Both decide on the same set; the one that commits second finds another set active once it holds the lock, and
      // applies its increment again, to that set. Replacing the other's set with its own would lose the first's
      // change.
      const clients = [createDb({ database: test.database }), createDb({ database: test.database })];
      const moves = [
        `2001,${B},mMEGAFON,mBEELINE,mMTS,D7799,D7702,99,02,77,2025-02-01T12:00:00+03:00,1`,
        `2002,${C},mBEELINE,mMEGAFON,mMTS,D7702,D7799,02,99,77,2025-02-01T12:00:00+03:00,1`,
      ];
      try {
        const results = await Promise.all(
          clients.map((db, i) =>
            importPortedFile({
              chunks: chunksOf(`${increment.split('\n')[0]}\n${moves[i]}`),
              fileName: `Port_Increment_3${i}.csv`,
              source: 'file',
              db,
            }),
          ),
        );
        expect(results.map((r) => r.outcome)).toEqual(['activated', 'activated']);
        expect(await test.db().portedVersion.count({ where: { status: 'active' } })).toBe(1);
        // This test's own client has not imported: it reads what is in force now, not its cached view.
        const now = await getCurrentNumberingData({ db: test.db() });
        expect([A, B, C].map((number) => lookupCarrier(number, now).carrier?.inn)).toEqual([MEGAFON, MEGAFON, BEELINE]);
      } finally {
        await Promise.all(clients.map((db) => db.$disconnect()));
      }
    },
  );
});
