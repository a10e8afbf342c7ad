import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import { type InstalledPortal, startInstalledPortal } from '../testing/start-installed-portal';
import type { Db } from '../../db/client';
import { enqueueRestCall } from './enqueue-rest-call';
import { outboxRef } from './outbox-ref';
import { runOutboxOnce } from './run-outbox-once';
import { sendRestCallNow } from './send-rest-call-now';

/** An incoming call's register and show (telephony-external-call-register.md, -show.md), sent at once and only once. */
const MEMBER = 'send-now-member';
let emulator: EmulatorHandle;
let portal: InstalledPortal;
let db: Db;
let portalId: number;

beforeAll(async () => {
  portal = await startInstalledPortal({ memberId: MEMBER, clientId: 'app.now' });
  ({ emulator, db, portalId } = portal);
}, 60_000);
afterAll(async () => portal?.close());

const register = (id: string) => ({
  db,
  portalId,
  dedupeKey: `register:${id}`,
  method: 'telephony.externalcall.register',
  params: { USER_ID: 1, PHONE_NUMBER: '+79031234567', TYPE: 2, SHOW: 0, EXTERNAL_CALL_ID: id },
});
const show = (id: string) => ({
  db,
  portalId,
  dedupeKey: `card:${id}:a:show`,
  method: 'telephony.externalcall.show',
  params: { CALL_ID: outboxRef(`register:${id}`, 'CALL_ID'), USER_ID: 1 },
});
const sent = (method: string, id: string) =>
  emulator.callsTo(method).filter((call) => JSON.stringify(call.params).includes(id)).length;
const worker = () => runOutboxOnce({ db, ratePerSecond: 1000, burst: 1000, log: () => undefined });

describe('sendRestCallNow', () => {
  it('stores a message claimed and sends it at once; the same key again sends nothing', async () => {
    expect(await sendRestCallNow(register('now-1'))).toBe(true);
    expect(await sendRestCallNow(register('now-1'))).toBe(false);
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'register:now-1' } });
    expect(row).toMatchObject({ status: 'done', attempts: 1 });
    expect(await sendRestCallNow(show('now-1'))).toBe(true);
    await worker();
    expect(sent('telephony.externalcall.register', 'now-1')).toBe(1);
    const shows = emulator.callsTo('telephony.externalcall.show');
    expect(shows).toHaveLength(1);
    expect(shows[0]!.params.CALL_ID).toBe((row.result as { CALL_ID: string }).CALL_ID);
  });

  it('a message whose reference is not done is left to the worker, which sends it after that one', async () => {
    await enqueueRestCall(register('now-2'));
    expect(await sendRestCallNow(show('now-2'))).toBe(false);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'card:now-2:a:show' } })).toMatchObject({
      status: 'pending',
    });
    for (let round = 0; round < 3; round++) await worker();
    expect(sent('telephony.externalcall.register', 'now-2')).toBe(1);
    expect(await db.outboxMessage.count({ where: { dedupeKey: { contains: 'now-2' }, status: 'done' } })).toBe(2);
  });

  it('the process died between storing and sending: the worker sends it once the lease is over', async () => {
    expect(await sendRestCallNow(register('now-3'))).toBe(true);
    // As if the process had died after the request left and before its answer was written.
    await db.outboxMessage.updateMany({
      where: { dedupeKey: 'register:now-3' },
      data: { status: 'sending', attempts: 1, nextAttemptAt: new Date(Date.now() - 1) },
    });
    await worker();
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'register:now-3' } })).toMatchObject({
      status: 'done',
      attempts: 2,
    });
    // Sent again, as after any claim that died: the portal answers a repeated register with the same call (its resend
    // guard, resend-guards.ts), so the CRM still has one call.
    const answers = emulator
      .callsTo('telephony.externalcall.register')
      .filter((call) => call.params.EXTERNAL_CALL_ID === 'now-3')
      .map((call) => (call.response as { result: { CALL_ID: string } }).result.CALL_ID);
    expect(answers).toHaveLength(2);
    expect(new Set(answers).size).toBe(1);
  });

  it('returnWhenSent: resolves while Bitrix24 answers; a message referring to it waits for that answer, not the worker', async () => {
    expect(await sendRestCallNow({ ...register('now-4'), returnWhenSent: true })).toBe(true);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'register:now-4' } })).toMatchObject({
      status: 'sending',
    });
    expect(await sendRestCallNow({ ...show('now-4'), returnWhenSent: true })).toBe(true);
    await waitForDone(['register:now-4', 'card:now-4:a:show']);
    const callId = emulator
      .callsTo('telephony.externalcall.register')
      .filter((call) => call.params.EXTERNAL_CALL_ID === 'now-4')
      .map((call) => (call.response as { result: { CALL_ID: string } }).result.CALL_ID);
    const shows = emulator.callsTo('telephony.externalcall.show').filter((call) => call.params.CALL_ID === callId[0]);
    expect(callId).toHaveLength(1);
    expect(shows).toHaveLength(1);
  });
});

/** No worker runs here: only the sends this process started can bring these rows to done. */
async function waitForDone(keys: string[]): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const done = await db.outboxMessage.count({ where: { dedupeKey: { in: keys }, status: 'done' } });
    if (done === keys.length) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`not done: ${keys.join(', ')}`);
}
