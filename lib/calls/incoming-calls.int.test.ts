import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo, Server } from 'node:net';
import { startDialplanListener } from '../dialplan/start-dialplan-listener';
import { describeCallCard } from './card/describe-call-card';
import { summarizeLiveChannels } from './get-sim-load';
import { readLiveSimLoad } from './read-live-sim-load';
import { callIntoPbx } from './testing/call-into-pbx';
import { cardUsers } from './testing/card-moves';
import {
  startBitrix24ClickToCall,
  waitFor,
  type Bitrix24ClickToCallHarness,
} from './testing/bitrix24-click-to-call-harness';

/**
 * Clients call a company line through the gateway simulator into the real PBX, whose [from-gsm] rings the line's
 * group (HR-1, 74950000201: phones 201 and 202, users 4 and 5 in the emulator). Bitrix24's side follows
 * telephony-external-call-register.md (TYPE 2, LINE_NUMBER), -show.md, -hide.md and -finish.md.
 */
let b: Bitrix24ClickToCallHarness;
let listener: Server | null = null;
let incomingUrl = '';
const DEFAULT_ROUTE_URL = 'http://127.0.0.1:3001/api/asterisk/route';
const setPbxGlobal = (name: string, value: string) =>
  b.h.manager.action({ Action: 'Setvar', Variable: name, Value: value });

beforeAll(async () => {
  b = await startBitrix24ClickToCall();
  for (const department of ['1', '2'])
    await b.db.listEntry.create({ data: { portalId: b.portalId, list: 'whitelist_department', value: department } });
  // The PBX asks this file's own dialplan listener (on this harness's database) who takes an incoming call.
  const { database } = b.h.testDb;
  process.env.DATABASE_URL = `file:${database.kind === 'sqlite' ? database.file : ''}`;
  listener = startDialplanListener({
    listen: '127.0.0.1:0',
    readSimLoad: readLiveSimLoad,
    readBusyExtensions: () => summarizeLiveChannels([b.h.tracking.state]).busyExtensions ?? [],
  });
  await new Promise((resolve) => listener!.once('listening', resolve));
  const base = `http://127.0.0.1:${(listener!.address() as AddressInfo).port}/api/asterisk`;
  incomingUrl = `${base}/incoming`;
  await setPbxGlobal('ROUTE_URL', `${base}/route`);
}, 120_000);
afterAll(async () => {
  for (const ext of ['102', '201', '202']) await b?.h.setGateway(`PHONE_MODE_${ext}`, '').catch(() => undefined);
  await setPbxGlobal('ROUTE_URL', DEFAULT_ROUTE_URL).catch(() => undefined);
  listener?.close();
  await b?.close();
});

const ok = (method: string, number: string) =>
  b.emulator
    .callsTo(method)
    .filter((c) => c.status === 200 && (!c.params.PHONE_NUMBER || String(c.params.PHONE_NUMBER).includes(number)));
const registrationOf = async (number: string) =>
  waitFor(() => ok('telephony.externalcall.register', number)[0], 20_000, `register of ${number}`);
const texts = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
const withCall = (method: string, callId: string) =>
  b.emulator.callsTo(method).filter((c) => c.status === 200 && c.params.CALL_ID === callId);

describe('incoming calls reach the CRM (real PBX, gateway simulator as the client)', () => {
  it('a ring group of two: both see the card, the answerer keeps it, the other loses it; finished for the answerer', {
    timeout: 60_000,
  }, async () => {
    const number = '79031112233';
    await b.h.setGateway('PHONE_MODE_202', 'noanswer');
    await callIntoPbx({ gateway: b.h.gateway, through: 'hr1', lineNumber: '74950000201', from: number });
    const register = await registrationOf(number);
    expect(texts(register.params)).toMatchObject({ TYPE: '2', LINE_NUMBER: '74950000201', CRM_CREATE: '1', SHOW: '1' });
    const callId = String((register.response as { result: { CALL_ID: string } }).result.CALL_ID);
    const finish = await waitFor(() => withCall('telephony.externalcall.finish', callId)[0], 30_000, 'finish');
    expect(texts(finish.params)).toMatchObject({ USER_ID: '4', STATUS_CODE: '200' });
    expect(Number(finish.params.DURATION)).toBeGreaterThan(0);
    // The first user rung is shown the card by the register itself (SHOW=1), the other by `show`.
    expect(withCall('telephony.externalcall.show', callId)).toHaveLength(1);
    expect(cardUsers(b.emulator.calls, callId, 'show').sort()).toEqual(['4', '5']);
    expect(cardUsers(b.emulator.calls, callId, 'hide')).toEqual(['5']);
    const row = await b.db.call.findFirst({ where: { number } });
    expect(row).toMatchObject({ origin: 'incoming', direction: 'inbound', extension: '201', registered: true });
    // The CALL_CARD placement of this call: the line it came in on, the client's carrier, the line a call back takes.
    await b.waitForOutboxDrained();
    const card = await describeCallCard({
      db: b.db,
      portalId: b.portalId,
      extension: '201',
      callId,
      number: null,
      lang: 'en',
      ami: b.h.ami,
    });
    expect(card.journal).toMatchObject({ direction: 'inbound', trunkName: 'HR-1', b24StatusCode: '200' });
    expect(card.decision?.carrier?.brand).toBeTruthy();
    expect(card.decision?.trunk?.name).toMatch(/^HR-/); // HR's own lines only
  });

  it("an abandoned call is finished 304 for the client's responsible manager in the CRM", {
    timeout: 60_000,
  }, async () => {
    // +79161230027 is owned by Вера (user 3) in the emulator's CRM; nobody in the group answers.
    const number = '79161230027';
    await b.h.setGateway('PHONE_MODE_201', 'noanswer');
    await b.h.setGateway('PHONE_MODE_202', 'noanswer');
    await callIntoPbx({
      gateway: b.h.gateway,
      through: 'hr1',
      lineNumber: '74950000201',
      from: number,
      abandonAfterMs: 3_000,
    });
    const register = await registrationOf(number);
    const callId = String((register.response as { result: { CALL_ID: string } }).result.CALL_ID);
    const finish = await waitFor(() => withCall('telephony.externalcall.finish', callId)[0], 30_000, 'finish');
    expect(texts(finish.params)).toMatchObject({ USER_ID: '3', STATUS_CODE: '304', DURATION: '0' });
    expect(cardUsers(b.emulator.calls, callId, 'hide').sort()).toEqual(['4', '5']);
    await b.waitForOutboxDrained();
    expect(await b.db.outboxMessage.count({ where: { status: { not: 'done' } } })).toBe(0);
  });
});

describe("the client's own manager takes the call first", () => {
  // Борис (user 2, extension 102) is responsible for this client in the CRM; the MTS line rings 101, 102 and 103.
  const number = '79035550102';
  beforeAll(async () => {
    b.emulator.portal('e2e-click-to-call').crm.push({
      CRM_ENTITY_TYPE: 'CONTACT',
      CRM_ENTITY_ID: 602,
      NAME: 'Клиент Бориса',
      PHONE: `+${number}`,
      ASSIGNED_BY_ID: 2,
    });
    // The first question is a miss (answered "queue" at once); the background refresh then knows the manager.
    expect(await (await fetch(`${incomingUrl}?number=${number}`)).text()).toBe('queue');
    await waitFor(
      () =>
        known === '102'
          ? known
          : void fetch(`${incomingUrl}?number=${number}`).then(async (r) => (known = await r.text())),
      10_000,
      'the manager in the dialplan cache',
    );
  });
  let known = '';

  it('rings the manager first: only 102 sees the card and takes the call', { timeout: 60_000 }, async () => {
    const before = ok('telephony.externalcall.register', number).length;
    await callIntoPbx({ gateway: b.h.gateway, through: 'mts', lineNumber: '74950000003', from: number });
    const register = await waitFor(() => ok('telephony.externalcall.register', number)[before], 20_000, 'register');
    const callId = String((register.response as { result: { CALL_ID: string } }).result.CALL_ID);
    const finish = await waitFor(() => withCall('telephony.externalcall.finish', callId)[0], 30_000, 'finish');
    expect(texts(finish.params)).toMatchObject({ USER_ID: '2', STATUS_CODE: '200' });
    expect(cardUsers(b.emulator.calls, callId, 'show')).toEqual(['2']);
  });

  it('the manager busy: the group rings and one of the others answers', { timeout: 60_000 }, async () => {
    await b.h.setGateway('PHONE_MODE_102', 'busy');
    const before = ok('telephony.externalcall.register', number).length;
    await callIntoPbx({ gateway: b.h.gateway, through: 'mts', lineNumber: '74950000003', from: number });
    const register = await waitFor(() => ok('telephony.externalcall.register', number)[before], 20_000, 'register');
    const callId = String((register.response as { result: { CALL_ID: string } }).result.CALL_ID);
    const finish = await waitFor(() => withCall('telephony.externalcall.finish', callId)[0], 30_000, 'finish');
    expect(['1', '3']).toContain(String(finish.params.USER_ID));
    const shown = cardUsers(b.emulator.calls, callId, 'show');
    expect(shown[0]).toBe('2');
    expect(shown).toEqual(expect.arrayContaining(['1', '3']));
  });
});
