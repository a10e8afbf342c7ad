import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import { callRest } from '../../../e2e/bitrix24-emulator/test-client';
import type { PortalSeed } from '../../../e2e/bitrix24-emulator/types';
import { receiveB24Event } from '../../bitrix24/events/receive-b24-event';
import { startOutboxWorker } from '../../bitrix24/outbox/start-outbox-worker';
import { parseBracketBody } from '../../bitrix24/parse-bracket-body';
import { forgetPortalClient } from '../../bitrix24/rest/get-portal-client';
import type { Db } from '../../db/client';
import { seedDemoPortal } from '../../routing/settings/seed-demo-portal';
import { followCallChanges } from '../follow-call-changes';
import type { PlaceCall } from '../place-call-on-connected-pbx';
import { placeOutgoingCall } from '../place-outgoing-call';
import { startClickToCallHarness, type ClickToCallHarness } from './click-to-call-harness';
import { storeInstalledPortal } from '../../bitrix24/testing/store-installed-portal';
import { freepbxTestPbx } from '../../asterisk/testing/freepbx-profile';
import { seedFreepbxPortal } from '../../asterisk/testing/seed-freepbx-portal';

/** Emulator users mirror seedDemoPortal's people: Sales 1–3 on 101–103 (department 1), HR 4–5 on 201–202 (dept. 2). */
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
  // A CRM-form client owned by Vera (user 3, extension 103): a callback to this number rings her first.
  crm: [
    {
      CRM_ENTITY_TYPE: 'CONTACT',
      CRM_ENTITY_ID: 601,
      NAME: 'Клиент с сайта',
      PHONE: '+79161230027',
      ASSIGNED_BY_ID: 3,
    },
  ],
};

export type Bitrix24ClickToCallHarness = {
  h: ClickToCallHarness;
  db: Db;
  portalId: number;
  emulator: EmulatorHandle;
  /** Failures of the work the event route runs after its reply. */
  backgroundErrors: unknown[];
  /** A click on a number in the CRM: registered in Bitrix24, then ONEXTERNALCALLSTART delivered `deliveries` times. */
  clickToCall(
    userId: number,
    number: string,
    lineNumber: string,
    deliveries?: number,
    extension?: string,
  ): Promise<{ callId: string; firedAt: number }>;
  /**
   * A site visitor's CRM-form callback: ONEXTERNALCALLBACKSTART without user tokens, to the bound handler; `replays`
   * more copies of the very same body are posted at once, the way a redelivered event arrives.
   */
  crmFormCallback(
    number: string,
    crmEntityId: number | '',
    options?: { lineNumber?: string; replays?: number },
  ): Promise<void>;
  /** The `finish` calls Bitrix24 accepted for a CALL_ID. */
  finishesOf(callId: string): ReturnType<EmulatorHandle['callsTo']>;
  waitForOutboxDrained(): Promise<void>;
  /** How many `register` calls the clicks made (the app itself must never register a click-to-call). */
  clicks(): number;
  close(): Promise<void>;
};

/**
 * The Bitrix24 side of a click-to-call on the real Asterisk pair: the emulator registers calls and delivers
 * ONEXTERNALCALLSTART (its real form-encoded body, over HTTP) to a tiny server running the event route's logic with
 * the one outgoing-call use case on the test PBX; a real outbox worker sends `finish` back to the emulator.
 */
export type StartBitrix24ClickToCallOptions = {
  /** Which test PBX: ours (default) or the FreePBX-shaped one, whose lines are its hyphenated trunks. */
  profile?: 'asterisk' | 'freepbx';
  /** The outbox's per-portal rate (default Bitrix24's 2 requests/s, burst 10); a bench of the app alone lifts it. */
  outboxRate?: { ratePerSecond: number; burst: number };
};

export async function startBitrix24ClickToCall(
  options: StartBitrix24ClickToCallOptions = {},
): Promise<Bitrix24ClickToCallHarness> {
  const freepbx = options.profile === 'freepbx';
  // SQLite by default; C2C_TEST_DB=postgresql runs the same against the test PostgreSQL.
  const h = await startClickToCallHarness(
    (process.env.C2C_TEST_DB as 'sqlite' | 'postgresql' | undefined) ?? 'sqlite',
    freepbx ? freepbxTestPbx() : {},
  );
  const db = h.testDb.db();
  const emulator = await startEmulator({
    portals: [seed],
    appUrl: 'http://127.0.0.1:1',
    clientId: 'app.c2c',
    clientSecret: 'c2c-secret',
  });
  Object.assign(process.env, {
    B24_CLIENT_ID: 'app.c2c',
    B24_CLIENT_SECRET: 'c2c-secret',
    B24_OAUTH_URL: emulator.url,
  });
  // The portal row as the install handler stores it (tokens of the installing admin, the application token).
  const portal = { id: await storeInstalledPortal({ db, emulator, memberId: MEMBER }) };
  if (freepbx) await seedFreepbxPortal({ db, portalId: portal.id });
  else await seedDemoPortal({ db, portalId: portal.id });
  // The tracker read the lines before this portal's existed: the FreePBX trunks would not be trunk legs for 30 s.
  await h.tracking.readMatcher();
  // What startCallTracking wires in the server: prices and finishes ended calls.
  followCallChanges({ tracking: h.tracking, db });
  const outbox = startOutboxWorker({ shared: false, db, idleMs: 100, ...options.outboxRate });
  // The extension's digits follow the answer quickly: the gateway's simulated client talks for seconds only.
  const placeCall: PlaceCall = (call) => placeOutgoingCall({ ...call, ami: h.ami, dtmfDelayMs: 300 });
  const backgroundErrors: unknown[] = [];
  const background: Array<Promise<void>> = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      void receiveB24Event({ body: parseBracketBody(text), db, placeCall, log: (line) => console.warn(line) }).then(
        (outcome) => {
          response.writeHead(outcome.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(outcome.body));
          if (outcome.background)
            background.push(outcome.background().catch((error: unknown) => void backgroundErrors.push(error)));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handlerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/b24/events`;
  let clicks = 0;

  return {
    h,
    db,
    portalId: portal.id,
    emulator,
    backgroundErrors,
    clicks: () => clicks,
    async clickToCall(userId, number, lineNumber, deliveries = 1, extension = '') {
      clicks += 1;
      const token = emulator.issueTokens(MEMBER, userId).accessToken;
      const params = { USER_ID: userId, PHONE_NUMBER: `+${number}`, TYPE: 1, SHOW: 1 };
      const registered = await callRest(emulator.url, 'telephony.externalcall.register', params, token);
      if (registered.status !== 200) throw new Error(`register answered ${registered.status}`);
      const callId = String(registered.body.result.CALL_ID);
      const firedAt = Date.now();
      const data = {
        PHONE_NUMBER: `+${number}`,
        PHONE_NUMBER_INTERNATIONAL: `+${number}`,
        EXTENSION: extension,
        USER_ID: String(userId),
        CALL_LIST_ID: '0',
        LINE_NUMBER: lineNumber,
        CALL_ID: callId,
        IS_MOBILE: '0',
        CRM_ENTITY_TYPE: '',
        CRM_ENTITY_ID: '',
      };
      const fired = Array.from({ length: deliveries }, () =>
        emulator.fireEvent(MEMBER, 'ONEXTERNALCALLSTART', data, { handler: handlerUrl, userId }),
      );
      for (const [delivery] of await Promise.all(fired)) {
        if (delivery?.status !== 200 || !delivery.body.includes('data%5BCALL_ID%5D='))
          throw new Error('event not delivered');
      }
      return { callId, firedAt };
    },
    async crmFormCallback(number, crmEntityId, options = {}) {
      const admin = emulator.issueTokens(MEMBER, 1).accessToken;
      const bound = await callRest(emulator.url, 'event.get', {}, admin);
      const handlers = (bound.body.result as Array<{ event: string }>).map((item) => item.event);
      if (!handlers.includes('ONEXTERNALCALLBACKSTART')) {
        const params = { event: 'ONEXTERNALCALLBACKSTART', handler: handlerUrl };
        if ((await callRest(emulator.url, 'event.bind', params, admin)).status !== 200) throw new Error('bind failed');
      }
      const data = {
        PHONE_NUMBER: `+${number}`,
        TEXT: 'Заказан обратный звонок с сайта, соединяю вас с клиентом',
        VOICE: 'ruinternalfemale',
        CRM_ENTITY_TYPE: crmEntityId === '' ? '' : 'CONTACT',
        CRM_ENTITY_ID: String(crmEntityId),
        LINE_NUMBER: options.lineNumber ?? '',
      };
      const [delivery] = await emulator.fireCrmFormCallback(MEMBER, data);
      if (delivery?.status !== 200) throw new Error(`callback not delivered: ${delivery?.status}`);
      const copies = Array.from({ length: options.replays ?? 0 }, () =>
        fetch(handlerUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: delivery.body,
        }),
      );
      for (const copy of await Promise.all(copies)) if (copy.status !== 200) throw new Error('replay not accepted');
    },
    finishesOf: (callId) =>
      emulator
        .callsTo('telephony.externalcall.finish')
        .filter((call) => call.status === 200 && call.params.CALL_ID === callId),
    async waitForOutboxDrained() {
      const deadline = Date.now() + 20_000;
      while ((await db.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0) {
        if (Date.now() > deadline) throw new Error('outbox not drained within 20 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await Promise.allSettled(background);
      await outbox.stop();
      server.close();
      forgetPortalClient();
      await emulator.close();
      await h.close();
    },
  };
}

/** The gateway simulator's call log: one JSON line per call that reached a gateway. */
export function gatewayCallLog(): string {
  const path = process.env.PEERS_GW_CALL_LOG;
  if (!path) throw new Error('PEERS_GW_CALL_LOG is not set: run `eval "$(npm run -s peers -- up)"` first');
  return path;
}

export async function waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
