import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { ensureLocalPortal } from '../../portals/ensure-local-portal';
import { saveLists } from '../../lists/save-lists';
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
  it('are kept a second, then read again', async () => {
    const { id: portalId } = await ensureLocalPortal({ db });
    const t0 = 1_000_000;
    const add = (value: string) => db.listEntry.create({ data: { portalId, list: 'whitelist_user', value } });
    expect(await whitelistOf(portalId, t0)).toEqual([]);
    await add('7');
    expect(await whitelistOf(portalId, t0 + 500)).toEqual([]);
    expect(await whitelistOf(portalId, t0 + 1_000)).toEqual(['7']);
  });

  it('are read again at once after the lists are saved in this process', async () => {
    const { id: portalId } = await ensureLocalPortal({ db });
    const t0 = 2_000_000;
    await whitelistOf(portalId, t0);
    const none: never[] = [];
    const lists = { whitelistUsers: [{ value: '9' }], whitelistDepartments: none, whitelistExtensions: none };
    await saveLists({ db, portalId, lists: { ...lists, neverRecord: none } });
    expect(await whitelistOf(portalId, t0 + 10)).toEqual(['9']);
  });
});
