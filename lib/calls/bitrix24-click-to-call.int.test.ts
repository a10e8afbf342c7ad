import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../e2e/bitrix24-emulator/start-emulator';
import { callRest } from '../../e2e/bitrix24-emulator/test-client';
import type { PortalSeed } from '../../e2e/bitrix24-emulator/types';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import { setCallPlacer } from '../bitrix24/events/call-placer';
import { receiveB24Event } from '../bitrix24/events/receive-b24-event';
import { startOutboxWorker, type OutboxWorker } from '../bitrix24/outbox/start-outbox-worker';
import { parseBracketBody } from '../bitrix24/parse-bracket-body';
import { forgetPortalClient } from '../bitrix24/rest/get-portal-client';
import type { Db } from '../db/client';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { followCallChanges } from './follow-call-changes';
import { placeClickToCall } from './place-click-to-call';
import { startClickToCallHarness, type ClickToCallHarness } from './testing/click-to-call-harness';

/**
 * Issue [5/6]'s end-to-end acceptance: the emulator registers a click-to-call and delivers ONEXTERNALCALLSTART (its
 * real form-encoded bracket body, over HTTP) to a tiny server running the event route's logic; the call goes through
 * the real Asterisk pair to the gateway the route chose; at hang-up the real outbox sends `finish` for that CALL_ID.
 * Emulator users mirror seedDemoPortal's people: Sales 1–3 on 101–103 (department 1), HR 4–5 on 201–202 (department 2).
 */
const MEMBER = 'e2e-click-to-call';
const seed: PortalSeed = {
  memberId: MEMBER,
  users: [
    { ID: 1, NAME: 'Анна', LAST_NAME: 'Смирнова', ADMIN: true, UF_PHONE_INNER: '101', UF_DEPARTMENT: [1] },
    { ID: 2, NAME: 'Борис', LAST_NAME: 'Иванов', UF_PHONE_INNER: '102', UF_DEPARTMENT: [1] },
    { ID: 3, NAME: 'Вера', LAST_NAME: 'Козлова', UF_PHONE_INNER: '103', UF_DEPARTMENT: [1] },
    { ID: 4, NAME: 'Галина', LAST_NAME: 'Петрова', UF_PHONE_INNER: '201', UF_DEPARTMENT: [2] },
    { ID: 5, NAME: 'Дмитрий', LAST_NAME: 'Орлов', UF_PHONE_INNER: '202', UF_DEPARTMENT: [2] },
  ],
  departments: [
    { ID: 1, NAME: 'Отдел продаж', SORT: 100 },
    { ID: 2, NAME: 'HR', SORT: 200 },
  ],
};

let h: ClickToCallHarness;
let db: Db;
let emulator: EmulatorHandle;
let server: Server;
let handlerUrl: string;
let outbox: OutboxWorker;
/** The route answers first and works after the reply (Next's after()); failures of that part land here. */
const backgroundErrors: unknown[] = [];
const background: Array<Promise<void>> = [];

function callLog(): string {
  const path = process.env.PEERS_GW_CALL_LOG;
  if (!path) throw new Error('PEERS_GW_CALL_LOG is not set: run `eval "$(npm run -s peers -- up)"` first');
  return path;
}

async function waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  // SQLite by default; C2C_TEST_DB=postgresql runs the same against the test PostgreSQL.
  h = await startClickToCallHarness((process.env.C2C_TEST_DB as 'sqlite' | 'postgresql' | undefined) ?? 'sqlite');
  db = h.testDb.db();
  emulator = await startEmulator({ portals: [seed], appUrl: 'http://127.0.0.1:1', clientId: 'app.c2c', clientSecret: 'c2c-secret' });
  Object.assign(process.env, { B24_CLIENT_ID: 'app.c2c', B24_CLIENT_SECRET: 'c2c-secret', B24_OAUTH_URL: emulator.url });
  // The portal row as the install handler stores it (tokens of the installing admin, the application token).
  const auth = emulator.installAuth(MEMBER, 1);
  const portal = await db.portal.create({
    data: {
      memberId: MEMBER, domain: auth.domain!, clientEndpoint: auth.client_endpoint!, serverEndpoint: auth.server_endpoint!,
      accessToken: auth.access_token!, refreshToken: auth.refresh_token!, expiresAt: new Date(Number(auth.expires) * 1000),
      applicationToken: auth.application_token!, status: 'active',
    },
  });
  await seedDemoPortal({ db, portalId: portal.id });
  // What startCallTracking wires in the server: prices and finishes ended calls, and places click-to-calls.
  followCallChanges({ tracking: h.tracking, db });
  setCallPlacer(async (request) => {
    const { linkedId } = await placeClickToCall({
      db, portalId: request.portalId, extension: request.extension, number: request.number, requestedLine: request.requestedLine,
      callId: request.b24CallId, manager: h.manager, tracking: h.tracking,
    });
    return { linkedId };
  });
  outbox = startOutboxWorker({ shared: false, db, idleMs: 100 });
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      void receiveB24Event({ body: parseBracketBody(text), db, log: (line) => console.warn(line) }).then((outcome) => {
        response.writeHead(outcome.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(outcome.body));
        if (outcome.background) background.push(outcome.background().catch((error: unknown) => void backgroundErrors.push(error)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  handlerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/b24/events`;
}, 120_000);

afterAll(async () => {
  setCallPlacer(undefined);
  await Promise.allSettled(background);
  await outbox?.stop();
  server?.close();
  forgetPortalClient();
  await emulator?.close();
  await h?.close();
});

/**
 * A click on a number in the CRM as Bitrix24 does it: the call is registered first (so `finish` has something to
 * close), then ONEXTERNALCALLSTART carries its CALL_ID to the app's handler.
 */
let clicks = 0;
async function clickToCall(userId: number, number: string, lineNumber: string) {
  clicks += 1;
  const token = emulator.issueTokens(MEMBER, userId).accessToken;
  const registered = await callRest(emulator.url, 'telephony.externalcall.register', { USER_ID: userId, PHONE_NUMBER: `+${number}`, TYPE: 1, SHOW: 1 }, token);
  expect(registered.status).toBe(200);
  const callId = String(registered.body.result.CALL_ID);
  const firedAt = Date.now();
  const [delivery] = await emulator.fireEvent(
    MEMBER,
    'ONEXTERNALCALLSTART',
    { PHONE_NUMBER: `+${number}`, PHONE_NUMBER_INTERNATIONAL: `+${number}`, EXTENSION: '', USER_ID: String(userId), CALL_LIST_ID: '0', LINE_NUMBER: lineNumber, CALL_ID: callId, IS_MOBILE: '0', CRM_ENTITY_TYPE: '', CRM_ENTITY_ID: '' },
    { handler: handlerUrl, userId },
  );
  expect(delivery).toMatchObject({ status: 200 });
  expect(delivery!.body).toContain('data%5BCALL_ID%5D=');
  return { callId, firedAt };
}

async function waitForOutboxDrained(): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await db.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0) {
    if (Date.now() > deadline) throw new Error('outbox not drained within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const finishesOf = (callId: string) =>
  emulator.callsTo('telephony.externalcall.finish').filter((call) => call.status === 200 && call.params.CALL_ID === callId);

describe('Bitrix24 click-to-call end to end: emulator event → real Asterisk → gateway → finish', () => {
  it.each([
    { who: 'Sales user, MTS number, empty LINE_NUMBER (automatic)', userId: 2, number: '79161230007', lineNumber: '', gateway: 'mts', trunkName: 'МТС' },
    { who: 'HR user, LINE_NUMBER = HR-1', userId: 4, number: '79031230017', lineNumber: '74950000201', gateway: 'hr1', trunkName: 'HR-1' },
  ])('$who → the $gateway gateway gets the call, Bitrix24 gets one finish', { timeout: 90_000 }, async ({ userId, number, lineNumber, gateway, trunkName }) => {
    const { callId, firedAt } = await clickToCall(userId, number, lineNumber);

    const entry = await waitForCallLogEntry({ path: callLog(), matches: (e) => e.b24CallId === callId, timeoutMs: 20_000 });
    expect(entry).toMatchObject({ gateway, number });
    const atGateway = Date.now();

    const [finish] = await waitFor(() => (finishesOf(callId).length ? finishesOf(callId) : undefined), 60_000, `finish of ${callId}`);
    const finishedAt = Date.now();
    expect(backgroundErrors).toEqual([]);
    expect(finish!.params).toMatchObject({ CALL_ID: callId, STATUS_CODE: '200', COST_CURRENCY: 'RUB' });
    expect(Number(finish!.params.DURATION)).toBeGreaterThan(0);
    expect(Number(finish!.params.COST)).toBeGreaterThan(0);
    const statistic = emulator.portal(MEMBER).calls.find((call) => call.CALL_ID === callId)?.statistic;
    expect(statistic).toMatchObject({ CALL_FAILED_CODE: '200', COST_CURRENCY: 'RUB', PORTAL_USER_ID: userId });

    const row = await db.call.findFirstOrThrow({ where: { b24CallId: callId } });
    expect(row).toMatchObject({ status: 'ended', origin: 'click_to_call', number, trunkName, requestedLine: lineNumber || null, b24StatusCode: '200' });
    expect(row.costKopecks).toBeGreaterThan(0);
    // Exactly once: with the outbox drained (nothing pending or retrying), there is still one finish; and the app never
    // registered the call again (the only registrations are the clicks').
    await waitForOutboxDrained();
    expect(finishesOf(callId)).toHaveLength(1);
    expect(emulator.callsTo('telephony.externalcall.register').filter((call) => call.status === 200)).toHaveLength(clicks);
    console.info(
      `[b24 click-to-call] ${gateway}: event → gateway ${atGateway - firedAt} ms, event → finish ${finishedAt - firedAt} ms ` +
        `(DURATION ${String(finish!.params.DURATION)} s, COST ${String(finish!.params.COST)} ${String(finish!.params.COST_CURRENCY)})`,
    );
  });
});
