import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import type { PortalSeed } from '../../../e2e/bitrix24-emulator/types';
import { finishCallInBitrix24 } from '../../calls/registration/finish-call-in-bitrix24';
import { registerCallInBitrix24 } from '../../calls/registration/register-call-in-bitrix24';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { forgetPortalClient } from '../rest/get-portal-client';
import { startOutboxWorker } from './start-outbox-worker';
import { storeInstalledPortal } from '../testing/store-installed-portal';

/**
 * The outbox's acceptance run: 1 000 calls through the real outbox against the emulator with 20 % of REST requests
 * failing (rate limit, time limit, 500, dropped connection, expired token) plus one forced token expiry, the
 * emulator's 2 req/s leaky bucket on, two workers racing for the same rows. Ground truth is computed here, not by
 * decideRegistration: whitelisted = department 2 or user 5; never-record = numbers starting 7495123.
 */
const MEMBER = 'outbox-member';
const CALLS = 1000;
let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;
let portalId: number;

function seed(): PortalSeed {
  const users = Array.from({ length: 10 }, (_, index) => ({
    ID: index + 1,
    NAME: `User ${index + 1}`,
    ADMIN: index === 0,
    UF_PHONE_INNER: String(101 + index),
    UF_DEPARTMENT: [index % 3 === 0 ? 2 : 3],
  }));
  return {
    memberId: MEMBER,
    users,
    departments: [
      { ID: 1, NAME: 'Co' },
      { ID: 2, NAME: 'Sales', PARENT: 1 },
      { ID: 3, NAME: 'Support', PARENT: 1 },
    ],
  };
}

beforeAll(async () => {
  emulator = await startEmulator({
    portals: [seed()],
    appUrl: 'http://127.0.0.1:1',
    clientId: 'app.outbox',
    clientSecret: 'outbox-secret',
  });
  Object.assign(process.env, {
    B24_CLIENT_ID: 'app.outbox',
    B24_CLIENT_SECRET: 'outbox-secret',
    B24_OAUTH_URL: emulator.url,
  });
  testDb = await createTestDatabase({ kind: (process.env.OUTBOX_TEST_DB as 'sqlite' | 'postgresql') ?? 'sqlite' });
  db = testDb.db();
  portalId = await storeInstalledPortal({ db, emulator, memberId: MEMBER });
  for (const department of [2, 3])
    await db.department.create({ data: { portalId, b24DepartmentId: department, name: `D${department}` } });
  for (const user of seed().users) {
    const row = await db.user.create({
      data: { portalId, b24UserId: user.ID, name: user.NAME, extension: user.UF_PHONE_INNER },
    });
    const department = await db.department.findFirstOrThrow({
      where: { portalId, b24DepartmentId: user.UF_DEPARTMENT![0] },
    });
    await db.userDepartment.create({ data: { userId: row.id, departmentId: department.id } });
  }
  await db.listEntry.createMany({
    data: [
      { portalId, list: 'whitelist_department', value: '2' },
      { portalId, list: 'whitelist_user', value: '5' },
      { portalId, list: 'never_record', value: '7495123*', isPattern: true },
    ],
  });
}, 60_000);
afterAll(async () => {
  forgetPortalClient();
  await emulator?.close();
  await testDb?.dispose();
});

describe('outbox: 1 000 calls, 20 % failing REST, one token expiry', () => {
  it('registers and finishes every call that should be, exactly once, and no other', async () => {
    const expected = new Set<string>();
    const all: string[] = [];
    emulator.setRateLimit({ burst: 50, drainPerSecond: 2 });
    emulator.setFailureRate(
      0.2,
      ['QUERY_LIMIT_EXCEEDED', 'OPERATION_TIME_LIMIT', 'internal', 'network', 'expired_token'],
      42,
    );
    const workers = [
      // Retries pause at most 20 s instead of 5 min: the run compresses a day's faults into minutes, and one message
      // unlucky enough to fail eight times would otherwise wait out the whole bound.
      startOutboxWorker({ shared: false, db, idleMs: 50, backoffCapMs: 20_000 }),
      startOutboxWorker({ shared: false, db, idleMs: 50, backoffCapMs: 20_000 }),
    ];
    const startedAt = Date.now();
    for (let index = 0; index < CALLS; index += 1) {
      const userId = (index % 10) + 1;
      const neverRecord = index % 7 === 0;
      // Calls from the same few numbers on purpose: Bitrix24 would merge them without a unique EXTERNAL_CALL_ID.
      const number = neverRecord
        ? `7495123${String(index % 10).padStart(4, '0')}`
        : `7916${String(index % 25).padStart(7, '0')}`;
      const linkedId = `call-${index}`;
      const whitelisted = userId % 3 === 1 || userId === 5;
      if (whitelisted && !neverRecord) expected.add(linkedId);
      all.push(linkedId);
      const direction = index % 2 ? 'inbound' : 'outbound';
      await registerCallInBitrix24({
        db,
        portalId,
        linkedId,
        direction,
        number,
        b24UserId: userId,
        lineNumber: 'mts-1',
      });
      if (index === CALLS / 2) emulator.expireToken(MEMBER);
      const answered = index % 4 !== 0;
      await finishCallInBitrix24({
        db,
        portalId,
        linkedId,
        b24UserId: userId,
        durationSec: answered ? 30 + (index % 60) : 0,
        statusCode: answered ? '200' : '486',
        costKopecks: answered ? 150 : 0,
        recording:
          index % 10 === 3
            ? { fileName: `${linkedId}.mp3`, contentBase64: Buffer.from('ID3fake').toString('base64') }
            : null,
      });
      // A repeated "call ended" notification must not produce a second finish.
      if (index % 5 === 0) {
        await finishCallInBitrix24({ db, portalId, linkedId, b24UserId: userId, durationSec: 1, statusCode: '200' });
      }
    }
    // A bound against a stuck outbox, not a speed target (the rate is printed below): at 2 req/s with 20 % failing
    // and the re-send checks, draining takes 4–5 minutes on this machine.
    const deadline = Date.now() + 540_000;
    while (
      (await db.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0 &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const elapsedSec = (Date.now() - startedAt) / 1000;
    await Promise.all(workers.map((worker) => worker.stop()));
    emulator.setFailureRate(0);

    const outbox = await db.outboxMessage.groupBy({ by: ['status'], _count: true });
    expect(outbox.filter((row) => row.status !== 'done')).toEqual([]);

    const calls = emulator.portal(MEMBER).calls;
    const byExternalId = new Map<string, typeof calls>();
    for (const call of calls)
      byExternalId.set(call.EXTERNAL_CALL_ID, [...(byExternalId.get(call.EXTERNAL_CALL_ID) ?? []), call]);
    expect([...byExternalId.keys()].filter((id) => !expected.has(id))).toEqual([]);
    expect([...expected].filter((id) => byExternalId.get(id)?.length !== 1)).toEqual([]);
    expect(calls.filter((call) => !call.statistic)).toEqual([]);
    const finishes = emulator.callsTo('telephony.externalCall.finish').filter((call) => call.status === 200);
    const finishCount = new Map<string, number>();
    for (const call of finishes)
      finishCount.set(String(call.params.CALL_ID), (finishCount.get(String(call.params.CALL_ID)) ?? 0) + 1);
    expect([...finishCount.values()].filter((count) => count !== 1)).toEqual([]);
    expect(finishCount.size).toBe(expected.size);
    const withRecord = calls.filter((call) => call.record);
    expect(withRecord.length).toBe([...expected].filter((id) => Number(id.slice(5)) % 10 === 3).length);
    const sample = calls.find((call) => call.EXTERNAL_CALL_ID === 'call-3');
    expect(sample?.statistic).toMatchObject({
      CALL_FAILED_CODE: '200',
      CALL_DURATION: 33,
      COST: 1.5,
      COST_CURRENCY: 'RUB',
    });

    const topLevel = emulator.calls.filter((call) => !call.viaBatch);
    const failed = topLevel.filter((call) => call.status !== 200).length;
    const refreshed = await db.portal.findUniqueOrThrow({ where: { id: portalId } });
    expect(emulator.state.tokens.get(refreshed.accessToken)).toBeDefined();
    console.info(
      `[outbox] ${CALLS} calls, ${expected.size} registered+finished, ` +
        `${topLevel.length} HTTP requests (${failed} failed) ` +
        `in ${elapsedSec.toFixed(1)} s = ${(topLevel.length / elapsedSec).toFixed(2)} req/s; ` +
        `${emulator.calls.filter((call) => call.viaBatch).length} batched commands`,
    );
  }, 600_000);
});
