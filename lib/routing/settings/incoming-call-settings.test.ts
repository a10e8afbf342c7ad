import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { ensureLocalPortal } from '../../portals/ensure-local-portal';
import { loadIncomingCallSettings } from './load-incoming-call-settings';
import { saveIncomingCallSettings } from './save-incoming-call-settings';

let testDb: TestDatabase;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
});
afterAll(async () => testDb?.dispose());

describe('incoming call settings', () => {
  it('an unknown caller becomes a lead until the admin turns it off; the routing settings row is kept', async () => {
    const { id: portalId } = await ensureLocalPortal({ db });
    expect(await loadIncomingCallSettings({ db, portalId })).toEqual({ crmCreate: true });
    await db.portalSettings.upsert({ where: { portalId }, create: { portalId, currency: 'KZT' }, update: {} });
    expect(await saveIncomingCallSettings({ db, portalId, settings: { crmCreate: false } })).toEqual({
      crmCreate: false,
    });
    expect(await loadIncomingCallSettings({ db, portalId })).toEqual({ crmCreate: false });
    expect((await db.portalSettings.findUnique({ where: { portalId } }))?.currency).toBe('KZT');
  });
});
