import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBracketParams } from '../../e2e/bitrix24-emulator/bracket-params';
import { receiveB24Event } from '../bitrix24/events/receive-b24-event';
import { parseBracketBody } from '../bitrix24/parse-bracket-body';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { ABANDONED_REASON, finishAbandonedQueuedCalls } from './finish-abandoned-queued-calls';

/**
 * A click-to-call is stored before Bitrix24 gets its answer: the app killed (-9) right after answering leaves a queued
 * row, and the sweeper closes Bitrix24's card with the reason, once. A replayed event is answered and dropped.
 */
const CHILD = path.join(import.meta.dirname, 'testing', 'answer-event-then-hang.ts');
const TOKEN = 'a'.repeat(32);
let testDb: TestDatabase;
let db: Db;

const event = (callId: string) =>
  encodeBracketParams({
    event: 'ONEXTERNALCALLSTART',
    data: { CALL_ID: callId, USER_ID: '7', PHONE_NUMBER: '+79161234567', LINE_NUMBER: '' },
    auth: { member_id: 'queued-member', application_token: TOKEN, domain: 'queued.bitrix24.ru' },
  });

function answerInChildThenKill(file: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, body], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      const answer = chunk.toString().match(/ANSWERED (\d+)/)?.[1];
      if (!answer) return;
      // Killed while the call is being placed: after the answer, before any Originate.
      setTimeout(() => child.kill('SIGKILL'), 2_000);
      child.on('exit', () => resolve(answer));
    });
    child.on('error', reject);
  });
}

beforeAll(async () => {
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
  const portal = await db.portal.create({
    data: {
      memberId: 'queued-member',
      domain: 'queued.bitrix24.ru',
      clientEndpoint: 'http://127.0.0.1:1/rest/',
      serverEndpoint: 'http://127.0.0.1:1/rest/',
      accessToken: 'x',
      refreshToken: 'y',
      expiresAt: new Date(Date.now() + 3_600_000),
      applicationToken: TOKEN,
    },
  });
  await db.user.create({ data: { portalId: portal.id, b24UserId: 7, name: 'Борис', extension: '101' } });
}, 60_000);
afterAll(async () => testDb?.dispose());

describe('a click-to-call stored before the answer', () => {
  it('survives kill -9 after the answer: the sweeper closes the card in Bitrix24 once, with the reason', async () => {
    if (testDb.database.kind !== 'sqlite') throw new Error('sqlite expected');
    expect(await answerInChildThenKill(testDb.database.file, event('externalCall.crash.1'))).toBe('200');
    const row = await db.call.findFirstOrThrow({ where: { b24CallId: 'externalCall.crash.1' } });
    expect(row).toMatchObject({ status: 'queued', number: '79161234567', origin: 'click_to_call' });

    expect(await finishAbandonedQueuedCalls({ db, now: Date.now() + 5_000 })).toBe(0);
    expect(await finishAbandonedQueuedCalls({ db, now: Date.now() + 60_000 })).toBe(1);
    expect(await finishAbandonedQueuedCalls({ db, now: Date.now() + 120_000 })).toBe(0);
    const finishes = await db.outboxMessage.findMany({ where: { method: 'telephony.externalcall.finish' } });
    expect(finishes).toHaveLength(1);
    expect(finishes[0]!.params).toMatchObject({
      CALL_ID: 'externalCall.crash.1',
      USER_ID: 7,
      STATUS_CODE: '503',
      FAILED_REASON: ABANDONED_REASON,
    });
    expect(await db.call.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'ended',
      b24StatusCode: '503',
    });
  }, 60_000);

  it('a replayed event is answered and dropped: one row, nothing placed again', async () => {
    const placed: string[] = [];
    const receive = () =>
      receiveB24Event({
        body: parseBracketBody(event('externalCall.replay.1')),
        db,
        log: () => undefined,
        placeCall: async () => {
          placed.push('x');
          return { outcome: 'duplicate', linkedId: 'x' };
        },
      });
    const first = await receive();
    await first.background?.();
    const second = await receive();
    expect(second).toMatchObject({ status: 200, body: { ignored: 'CALL_ID handled before' } });
    expect(second.background).toBeUndefined();
    expect(placed).toHaveLength(1);
    expect(await db.call.count({ where: { b24CallId: 'externalCall.replay.1' } })).toBe(1);
  });
});
