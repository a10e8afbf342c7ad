import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { ensureLocalPortal } from '../../portals/ensure-local-portal';
import { loadCardFacts } from './load-card-facts';

let testDb: TestDatabase;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
});
afterAll(async () => testDb?.dispose());

const whitelistOf = async (portalId: number, now: number) =>
  (await loadCardFacts({ db, portalId, now })).lists.map((item) => item.value);

describe('the facts every card move reads', () => {
  it('are kept a second, used while they reload up to 5 s, and waited for when older', async () => {
    const { id: portalId } = await ensureLocalPortal({ db });
    const t0 = 1_000_000;
    const add = (value: string) => db.listEntry.create({ data: { portalId, list: 'whitelist_user', value } });
    expect(await whitelistOf(portalId, t0)).toEqual([]);

    await add('7');
    expect(await whitelistOf(portalId, t0 + 500)).toEqual([]); // fresh: not read again
    // Stale: this card gets the kept facts at once; the reload it started serves the next one.
    expect(await whitelistOf(portalId, t0 + 1_500)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await whitelistOf(portalId, t0 + 1_600)).toEqual(['7']);

    await add('8');
    // Older than 5 s (a quiet night): the card waits for the facts as they are now.
    expect((await whitelistOf(portalId, t0 + 10_000)).sort()).toEqual(['7', '8']);
  });
});
