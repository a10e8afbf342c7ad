import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import type { PortalSeed, RecordedCall } from '../../../e2e/bitrix24-emulator/types';
import { finishCallInBitrix24 } from '../../calls/registration/finish-call-in-bitrix24';
import { registerCallInBitrix24 } from '../../calls/registration/register-call-in-bitrix24';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { forgetPortalClient } from '../rest/get-portal-client';
import { claimDueMessages } from './claim-due-messages';
import { runOutboxOnce } from './run-outbox-once';
import { sendClaimedMessages } from './send-claimed-messages';
import { TokenBucket } from './token-bucket';
import { storeInstalledPortal } from '../testing/store-installed-portal';

/**
 * A worker killed mid-batch: it claimed 60 messages and its batch of 38 reached the portal, then it died before
 * recording any answer. Its lease is stale at once (leaseMs 0); another run takes the messages over. This happens to
 * the registers, then the finishes, then the attachRecords of 60 calls. The emulator's request log is the proof:
 * every call registered once, finished once and given one record, and no message failed.
 */
const MEMBER = 'takeover-member';
const CALLS = 60;
const IN_FLIGHT = 38;
let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;
let portalId: number;

const seed: PortalSeed = {
  memberId: MEMBER,
  users: [{ ID: 1, NAME: 'Admin', ADMIN: true, UF_PHONE_INNER: '101', UF_DEPARTMENT: [2] }],
  departments: [{ ID: 2, NAME: 'Sales' }],
};

/** The database as a worker killed right after its network write sees it: recording an answer never happens. */
function killedAfterSending(real: Db): Db {
  const bind = (target: object, key: string | symbol) => {
    const value = Reflect.get(target, key) as unknown;
    return typeof value === 'function' ? value.bind(target) : value;
  };
  const outbox = new Proxy(real.outboxMessage, {
    get: (target, key) =>
      key === 'updateMany'
        ? () => {
            throw new Error('worker killed');
          }
        : bind(target, key),
  });
  return new Proxy(real, { get: (target, key) => (key === 'outboxMessage' ? outbox : bind(target, key)) });
}

/** Claims everything due with a lease that is stale at once, sends one batch of IN_FLIGHT, dies. */
async function killWorkerMidBatch(method: string): Promise<void> {
  await db.outboxMessage.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: new Date(0) } });
  const claimed = await claimDueMessages({ db, leaseMs: 0, limit: 1000 });
  const first = [...claimed.filter((m) => m.method === method), ...claimed.filter((m) => m.method !== method)];
  expect(first.filter((m) => m.method === method)).toHaveLength(CALLS);
  const bucket = new TokenBucket({ ratePerSecond: 100, burst: 100 });
  const dyingDb = killedAfterSending(db);
  const dying = sendClaimedMessages({ db: dyingDb, portalId, messages: first, bucket, batchSize: IN_FLIGHT });
  await expect(dying).rejects.toThrow('worker killed');
  expect(await db.outboxMessage.count({ where: { method, status: 'sending' } })).toBe(CALLS);
}

async function runUntil(done: () => Promise<boolean>): Promise<void> {
  for (let round = 0; round < 50 && !(await done()); round += 1) {
    await runOutboxOnce({ db, ratePerSecond: 100, burst: 100, log: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const open = (method: string) => db.outboxMessage.count({ where: { method, status: { not: 'done' } } });
const applied = (calls: RecordedCall[]) => calls.filter((call) => call.status === 200);
const resultOf = (call: RecordedCall) => (call.response as { result?: { CALL_ID?: string } }).result;

beforeAll(async () => {
  const app = { clientId: 'app.takeover', clientSecret: 'takeover-secret' };
  emulator = await startEmulator({ portals: [seed], appUrl: 'http://127.0.0.1:1', ...app });
  Object.assign(process.env, {
    B24_CLIENT_ID: app.clientId,
    B24_CLIENT_SECRET: app.clientSecret,
    B24_OAUTH_URL: emulator.url,
  });
  testDb = await createTestDatabase({ kind: (process.env.OUTBOX_TEST_DB as 'sqlite' | 'postgresql') ?? 'sqlite' });
  db = testDb.db();
  portalId = await storeInstalledPortal({ db, emulator, memberId: MEMBER });
  const department = await db.department.create({ data: { portalId, b24DepartmentId: 2, name: 'Sales' } });
  const user = await db.user.create({ data: { portalId, b24UserId: 1, name: 'Admin', extension: '101' } });
  await db.userDepartment.create({ data: { userId: user.id, departmentId: department.id } });
  await db.listEntry.create({ data: { portalId, list: 'whitelist_department', value: '2' } });
}, 60_000);
afterAll(async () => {
  forgetPortalClient();
  await emulator?.close();
  await testDb?.dispose();
});

describe('outbox: a worker killed mid-batch, its stale lease taken over', () => {
  it('registers, finishes and attaches each record exactly once in the portal', async () => {
    for (let index = 0; index < CALLS; index += 1) {
      const linkedId = `takeover-${index}`;
      const direction = 'outbound';
      const number = `7916${String(index).padStart(7, '0')}`;
      await registerCallInBitrix24({ db, portalId, linkedId, direction, number, b24UserId: 1 });
      await finishCallInBitrix24({
        db,
        portalId,
        linkedId,
        b24UserId: 1,
        durationSec: 30,
        statusCode: '200',
        recording: { fileName: `${linkedId}.mp3`, contentBase64: Buffer.from('ID3fake').toString('base64') },
      });
    }

    await killWorkerMidBatch('telephony.externalcall.register');
    await runUntil(async () => (await open('telephony.externalcall.register')) === 0);
    await killWorkerMidBatch('telephony.externalcall.finish');
    await runUntil(async () => (await open('telephony.externalcall.finish')) === 0);
    await killWorkerMidBatch('telephony.externalcall.attachRecord');
    await runUntil(async () => (await db.outboxMessage.count({ where: { status: { not: 'done' } } })) === 0);

    const outbox = await db.outboxMessage.groupBy({ by: ['method', 'status'], _count: true });
    expect(outbox.filter((row) => row.status !== 'done')).toEqual([]);

    // Registers: the 38 repeats were answered with the first CALL_ID, so each call exists once.
    const calls = emulator.portal(MEMBER).calls;
    expect(calls).toHaveLength(CALLS);
    expect(new Set(calls.map((call) => call.EXTERNAL_CALL_ID)).size).toBe(CALLS);
    const registers = applied(emulator.callsTo('telephony.externalCall.register'));
    expect(registers).toHaveLength(CALLS + IN_FLIGHT);
    const idsByExternal = new Map<string, Set<string>>();
    for (const call of registers) {
      const external = String(call.params.EXTERNAL_CALL_ID);
      idsByExternal.set(external, (idsByExternal.get(external) ?? new Set()).add(String(resultOf(call)?.CALL_ID)));
    }
    expect([...idsByExternal.values()].filter((ids) => ids.size !== 1)).toEqual([]);

    // Finishes and records: sent once each; the taken-over ones were looked up in the call history instead.
    const finishes = emulator.callsTo('telephony.externalCall.finish');
    expect(finishes).toHaveLength(CALLS);
    expect(new Set(applied(finishes).map((call) => String(call.params.CALL_ID))).size).toBe(CALLS);
    const records = emulator.callsTo('telephony.externalCall.attachRecord');
    expect(records).toHaveLength(CALLS);
    expect(new Set(applied(records).map((call) => String(call.params.CALL_ID))).size).toBe(CALLS);
    expect(calls.filter((call) => !call.statistic || !call.record)).toEqual([]);
    expect(applied(emulator.callsTo('voximplant.statistic.get'))).toHaveLength(2 * CALLS);
  }, 120_000);
});
