import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedIdForEventKey } from '../../calls/claim-call-journal-row';
import { CALLBACK_RETRY_EVERY_MS, CALLBACK_RETRY_WINDOW_MS } from '../../calls/defer-callback';
import { finishAbandonedQueuedCalls, NO_LINE_IN_TIME_REASON } from '../../calls/finish-abandoned-queued-calls';
import type { PlaceCall } from '../../calls/place-call-on-connected-pbx';
import type { Db, PortalModel } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import type { RouteDecision } from '../../routing/decide-route';
import { placeEventCall } from './place-event-call';
import { placeHandedOffCalls } from './place-handed-off-calls';

/**
 * A CRM-form callback that finds every line busy waits in the journal for a line (tried again every 15 s by the
 * claimer) and, when none frees within its window, is returned to its manager in Bitrix24 as a missed callback:
 * never dropped, never returned twice. The PBX side is the outcome routing gives when every SIM is busy.
 */
const noLine: PlaceCall = async () => ({ outcome: 'noLine', decision: { reasons: [] } as unknown as RouteDecision });
let testDb: TestDatabase;
let db: Db;
let portal: PortalModel;

beforeAll(async () => {
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
  portal = await db.portal.create({
    data: {
      memberId: 'callback-member',
      domain: 'callback.bitrix24.ru',
      clientEndpoint: 'http://127.0.0.1:1/rest/',
      serverEndpoint: 'http://127.0.0.1:1/rest/',
      accessToken: 'x',
      refreshToken: 'y',
      expiresAt: new Date(Date.now() + 3_600_000),
      applicationToken: 'c'.repeat(32),
    },
  });
  await db.user.create({ data: { portalId: portal.id, b24UserId: 7, name: 'Борис', extension: '101' } });
  await db.user.create({ data: { portalId: portal.id, b24UserId: 8, name: 'Вера', extension: null } });
  for (const value of ['7', '8'])
    await db.listEntry.create({ data: { portalId: portal.id, list: 'whitelist_user', value } });
}, 60_000);
afterAll(async () => testDb?.dispose());

function callback(eventKey: string, userId: number, placeCall: PlaceCall, lines: string[]) {
  const context = { db, portal, body: {}, placeCall, log: (line: string) => lines.push(line) };
  const options = { callId: null, userId, number: '79161234567', lineNumber: '', origin: 'callback' as const };
  return placeEventCall(context, { ...options, eventKey, managerText: 'Перезвонить', managerVoice: null });
}

describe('a CRM-form callback with every line busy', () => {
  it('waits for a line, is tried again when due, and past its window is returned to the manager as missed', async () => {
    const lines: string[] = [];
    const started = Date.now();
    await callback('busy-1', 7, noLine, lines);
    const linkedId = linkedIdForEventKey(portal.id, 'busy-1');
    const row = await db.call.findUniqueOrThrow({ where: { linkedId } });
    expect(row).toMatchObject({ status: 'queued', pbxName: '', origin: 'callback', number: '79161234567' });
    expect(await db.outboxMessage.count()).toBe(0);

    let tries = 0;
    const counting: PlaceCall = async (request) => {
      tries += 1;
      return noLine(request);
    };
    const claimer = { db, placeCall: counting, log: () => {}, pbxNames: ['main'] };
    await placeHandedOffCalls({ ...claimer, now: started + 1_000 });
    expect(tries).toBe(0);
    await placeHandedOffCalls({ ...claimer, now: started + CALLBACK_RETRY_EVERY_MS + 1_000 });
    expect(tries).toBe(1);
    await placeHandedOffCalls({ ...claimer, now: started + CALLBACK_RETRY_WINDOW_MS + 1_000 });
    expect(tries).toBe(1);

    expect(await finishAbandonedQueuedCalls({ db, now: started + CALLBACK_RETRY_WINDOW_MS / 2 })).toBe(0);
    expect(await finishAbandonedQueuedCalls({ db, now: started + CALLBACK_RETRY_WINDOW_MS + 60_000 })).toBe(1);
    expect(await finishAbandonedQueuedCalls({ db, now: started + CALLBACK_RETRY_WINDOW_MS + 90_000 })).toBe(0);
    const messages = await db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    expect(messages.map((message) => message.method)).toEqual([
      'telephony.externalcall.register',
      'telephony.externalcall.finish',
    ]);
    expect(messages[0]!.params).toMatchObject({ USER_ID: 7, TYPE: 4, PHONE_NUMBER: '79161234567', SHOW: 0 });
    expect(messages[1]!.params).toMatchObject({ USER_ID: 7, STATUS_CODE: '304', DURATION: 0 });
    const ended = await db.call.findUniqueOrThrow({ where: { linkedId }, include: { events: true } });
    expect(ended).toMatchObject({ status: 'ended', b24StatusCode: '503' });
    expect(ended.events.map((event) => event.payload)).toContainEqual({ reason: NO_LINE_IN_TIME_REASON });

    // The same event delivered again places nothing and returns nothing twice.
    await callback('busy-1', 7, noLine, lines);
    expect(await db.outboxMessage.count()).toBe(2);
  });

  it('a manager without a phone: returned at once, not kept waiting', async () => {
    const lines: string[] = [];
    const before = await db.outboxMessage.count();
    await callback('nophone-1', 8, noLine, lines);
    const row = await db.call.findUniqueOrThrow({ where: { linkedId: linkedIdForEventKey(portal.id, 'nophone-1') } });
    expect(row.status).toBe('ended');
    const finish = await db.outboxMessage.findFirstOrThrow({
      where: { method: 'telephony.externalcall.finish', id: { gt: before } },
    });
    expect(finish.params).toMatchObject({ USER_ID: 8, STATUS_CODE: '304' });
    expect(lines.join('\n')).toContain('no extension');
  });
});
