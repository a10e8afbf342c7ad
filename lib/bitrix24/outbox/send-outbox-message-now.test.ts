import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPortal } from '../../../e2e/bitrix24-emulator/demo-portal';
import { startEmulator, type EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { forgetPortalClient } from '../rest/get-portal-client';
import { storeInstalledPortal } from '../testing/store-installed-portal';
import { enqueueRestCall } from './enqueue-rest-call';
import { outboxRef } from './outbox-ref';
import { runOutboxOnce } from './run-outbox-once';
import { sendOutboxMessageNow } from './send-outbox-message-now';

/** An incoming call's register and show (telephony-external-call-register.md, -show.md), sent at once and only once. */
const MEMBER = 'send-now-member';
let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;
let portalId: number;

beforeAll(async () => {
  emulator = await startEmulator({
    portals: [createDemoPortal(MEMBER)],
    appUrl: 'http://127.0.0.1:1',
    clientId: 'app.now',
    clientSecret: 'now-secret',
  });
  Object.assign(process.env, {
    B24_CLIENT_ID: 'app.now',
    B24_CLIENT_SECRET: 'now-secret',
    B24_OAUTH_URL: emulator.url,
  });
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
  portalId = await storeInstalledPortal({ db, emulator, memberId: MEMBER });
}, 60_000);
afterAll(async () => {
  forgetPortalClient();
  await emulator?.close();
  await testDb?.dispose();
});

describe('sendOutboxMessageNow', () => {
  it('sends a stored message at once, a dependent one only after it, and neither again', async () => {
    const register = { dedupeKey: 'register:now-1', method: 'telephony.externalcall.register' };
    await enqueueRestCall({
      db,
      portalId,
      ...register,
      params: { USER_ID: 1, PHONE_NUMBER: '+79031234567', TYPE: 2, SHOW: 0, EXTERNAL_CALL_ID: 'now-1' },
    });
    await enqueueRestCall({
      db,
      portalId,
      dedupeKey: 'card:now-1:a:show',
      method: 'telephony.externalcall.show',
      params: { CALL_ID: outboxRef(register.dedupeKey, 'CALL_ID'), USER_ID: 1 },
    });
    expect(await sendOutboxMessageNow({ db, dedupeKey: 'card:now-1:a:show' })).toBe(false); // its register is not done
    expect(await sendOutboxMessageNow({ db, dedupeKey: register.dedupeKey })).toBe(true);
    expect(await sendOutboxMessageNow({ db, dedupeKey: register.dedupeKey })).toBe(false);
    expect(await sendOutboxMessageNow({ db, dedupeKey: 'card:now-1:a:show' })).toBe(true);
    await runOutboxOnce({ db, ratePerSecond: 1000, burst: 1000, log: () => undefined });
    expect(emulator.callsTo('telephony.externalcall.register')).toHaveLength(1);
    const shows = emulator.callsTo('telephony.externalcall.show');
    expect(shows).toHaveLength(1);
    expect(shows[0]!.response).toEqual(expect.objectContaining({ result: true }));
    expect(await db.outboxMessage.count({ where: { status: 'done' } })).toBe(2);
  });
});
