import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shouldRecordCall } from '../../calls/recording/should-record-call';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { ensureLocalPortal } from '../../portals/ensure-local-portal';
import { loadRecordingSettings } from './load-recording-settings';
import { saveRecordingSettings } from './save-recording-settings';

let testDb: TestDatabase;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
});
afterAll(async () => testDb?.dispose());

describe('the recording switch', () => {
  it('is off until the admin turns it on; the next call obeys each save at once; the other settings are kept', async () => {
    const { id: portalId } = await ensureLocalPortal({ db });
    await db.listEntry.create({ data: { portalId, list: 'whitelist_extension', value: '101' } });
    await db.portalSettings.upsert({ where: { portalId }, create: { portalId, currency: 'KZT' }, update: {} });
    const call = { db, portalId, number: '79031234567', extension: '101' };
    expect(await loadRecordingSettings({ db, portalId })).toEqual({ recordingEnabled: false });
    expect(await shouldRecordCall(call)).toBe(false);
    // The decision keeps the switch for seconds; a save in this process is seen by the very next call.
    expect(await saveRecordingSettings({ db, portalId, settings: { recordingEnabled: true } })).toEqual({
      recordingEnabled: true,
    });
    expect(await shouldRecordCall(call)).toBe(true);
    await saveRecordingSettings({ db, portalId, settings: { recordingEnabled: false } });
    expect(await shouldRecordCall(call)).toBe(false);
    expect(await loadRecordingSettings({ db, portalId })).toEqual({ recordingEnabled: false });
    expect((await db.portalSettings.findUnique({ where: { portalId } }))?.currency).toBe('KZT');
  });
});
