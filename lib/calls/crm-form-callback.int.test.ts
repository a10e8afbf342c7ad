import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import { loadRoutingSettings } from '../routing/settings/load-routing-settings';
import { saveRoutingSettings } from '../routing/settings/save-routing-settings';
import { describeCallCard } from './card/describe-call-card';
import {
  gatewayCallLog,
  startBitrix24ClickToCall,
  waitFor,
  type Bitrix24ClickToCallHarness,
} from './testing/bitrix24-click-to-call-harness';

/**
 * A site visitor orders a callback through a CRM form (on-external-call-back-start.md): the event has no user
 * tokens, so the client's responsible manager in the CRM is rung, the client is dialled through the real PBX, and
 * the call is registered in Bitrix24 as a callback (TYPE 4, telephony-external-call-register.md) and finished.
 */
let b: Bitrix24ClickToCallHarness;
beforeAll(async () => {
  b = await startBitrix24ClickToCall();
  await b.db.listEntry.create({ data: { portalId: b.portalId, list: 'whitelist_user', value: '3' } });
  await b.db.listEntry.create({ data: { portalId: b.portalId, list: 'whitelist_user', value: '2' } });
  // The admin's setting: callbacks on the portal's default line go to Борис (user 2, extension 102) when the CRM
  // client has nobody responsible.
  const settings = await loadRoutingSettings({ db: b.db, portalId: b.portalId });
  const trunks = settings.trunks.map((t) => (t.id === settings.defaultTrunkId ? { ...t, callbackUserId: '2' } : t));
  const saved = await saveRoutingSettings({ db: b.db, portalId: b.portalId, settings: { ...settings, trunks } });
  expect(saved.trunks.find((t) => t.id === saved.defaultTrunkId)?.callbackUserId).toBe('2');
}, 120_000);

/** The callback registrations (TYPE 4) Bitrix24 accepted for a number. */
const registrationsOf = (number: string) =>
  b.emulator
    .callsTo('telephony.externalcall.register')
    .filter((c) => Number(c.params.TYPE) === 4 && c.status === 200 && String(c.params.PHONE_NUMBER).includes(number));
const atGateway = (number: string, since: number) =>
  readFileSync(gatewayCallLog(), 'utf8')
    .split('\n')
    .filter((line) => line.includes(`"number":"${number}"`))
    .filter((line) => Date.parse((JSON.parse(line) as { time: string }).time) >= since - 1_000);
afterAll(async () => b?.close());

describe('CRM-form callback', () => {
  it("rings the client's CRM owner, dials the client, registers TYPE 4 for that manager and finishes it", {
    timeout: 90_000,
  }, async () => {
    const number = '79161230027';
    const orderedAt = Date.now();
    await b.crmFormCallback(number, 601);
    const entry = await waitForCallLogEntry({
      path: gatewayCallLog(),
      // The call log outlives a run: only this run's call counts.
      matches: (e) => e.number === number && Date.parse(e.time) >= orderedAt - 1_000,
      timeoutMs: 20_000,
    });
    expect(entry).toMatchObject({ gateway: 'mts', number });
    const row = await b.db.call.findFirst({ where: { origin: 'callback', number } });
    expect(row).toMatchObject({ extension: '103', trunkName: 'МТС' });
    const [register] = await waitFor(
      () => {
        const sent = b.emulator.callsTo('telephony.externalcall.register').filter((c) => Number(c.params.TYPE) === 4);
        return sent.length ? sent : undefined;
      },
      20_000,
      'register TYPE 4',
    );
    expect(Number(register!.params.USER_ID)).toBe(3);
    expect(String(register!.params.PHONE_NUMBER)).toContain(number);
    const callId = String((register!.response as { result?: { CALL_ID?: string } })?.result?.CALL_ID ?? '');
    const [finish] = await waitFor(
      () => (callId && b.finishesOf(callId).length ? b.finishesOf(callId) : undefined),
      60_000,
      'finish of the callback',
    );
    expect(Number(finish!.params.USER_ID)).toBe(3);
    expect(b.backgroundErrors).toEqual([]);
  });

  it("a client nobody is responsible for goes to the line's default callback user; TEXT is on the card", {
    timeout: 90_000,
  }, async () => {
    const number = '79161230057';
    const orderedAt = Date.now();
    await b.crmFormCallback(number, '');
    await waitForCallLogEntry({
      path: gatewayCallLog(),
      matches: (e) => e.number === number && Date.parse(e.time) >= orderedAt - 1_000,
      timeoutMs: 20_000,
    });
    const [register] = await waitFor(
      () => (registrationsOf(number).length ? registrationsOf(number) : undefined),
      20_000,
      'register TYPE 4',
    );
    expect(Number(register!.params.USER_ID)).toBe(2);
    const row = await b.db.call.findFirstOrThrow({ where: { origin: 'callback', number } });
    expect(row).toMatchObject({
      extension: '102',
      managerText: 'Заказан обратный звонок с сайта, соединяю вас с клиентом',
      managerVoice: 'ruinternalfemale',
    });
    const callId = String((register!.response as { result?: { CALL_ID?: string } })?.result?.CALL_ID ?? '');
    await waitFor(() => (b.finishesOf(callId).length ? true : undefined), 60_000, 'finish of the callback');
    const card = await describeCallCard({
      db: b.db,
      portalId: b.portalId,
      extension: '102',
      callId,
      number: null,
      lang: 'ru',
      ami: b.h.ami,
    });
    expect(card.journal?.managerText).toBe('Заказан обратный звонок с сайта, соединяю вас с клиентом');
    expect(b.backgroundErrors).toEqual([]);
  });

  it('the same ONEXTERNALCALLBACKSTART delivered three times places one callback and registers it once', {
    timeout: 90_000,
  }, async () => {
    const number = '79161230067';
    const orderedAt = Date.now();
    await b.crmFormCallback(number, '', { replays: 2 });
    await waitForCallLogEntry({
      path: gatewayCallLog(),
      matches: (e) => e.number === number && Date.parse(e.time) >= orderedAt - 1_000,
      timeoutMs: 20_000,
    });
    const [register] = await waitFor(
      () => (registrationsOf(number).length ? registrationsOf(number) : undefined),
      20_000,
      'register TYPE 4',
    );
    const callId = String((register!.response as { result?: { CALL_ID?: string } })?.result?.CALL_ID ?? '');
    await waitFor(() => (b.finishesOf(callId).length ? true : undefined), 60_000, 'finish of the callback');
    await b.waitForOutboxDrained();
    expect(atGateway(number, orderedAt)).toHaveLength(1);
    expect(registrationsOf(number)).toHaveLength(1);
    expect(await b.db.call.count({ where: { origin: 'callback', number } })).toBe(1);
    expect(b.backgroundErrors).toEqual([]);
  });
});
