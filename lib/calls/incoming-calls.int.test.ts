import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCallCard } from './card/describe-call-card';
import { callIntoPbx } from './testing/call-into-pbx';
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
beforeAll(async () => {
  b = await startBitrix24ClickToCall();
  await b.db.listEntry.create({ data: { portalId: b.portalId, list: 'whitelist_department', value: '2' } });
}, 120_000);
afterAll(async () => {
  for (const ext of ['201', '202']) await b?.h.setGateway(`PHONE_MODE_${ext}`, '').catch(() => undefined);
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
  it('a ring group of two: both see the card, the one who answers keeps it, the other is hidden; finished for the answerer', {
    timeout: 60_000,
  }, async () => {
    const number = '79031112233';
    await b.h.setGateway('PHONE_MODE_202', 'noanswer');
    await callIntoPbx({ gateway: b.h.gateway, through: 'hr1', lineNumber: '74950000201', from: number });
    const register = await registrationOf(number);
    expect(texts(register.params)).toMatchObject({ TYPE: '2', LINE_NUMBER: '74950000201', CRM_CREATE: '1', SHOW: '0' });
    const callId = String((register.response as { result: { CALL_ID: string } }).result.CALL_ID);
    const finish = await waitFor(() => withCall('telephony.externalcall.finish', callId)[0], 30_000, 'finish');
    expect(texts(finish.params)).toMatchObject({ USER_ID: '4', STATUS_CODE: '200' });
    expect(Number(finish.params.DURATION)).toBeGreaterThan(0);
    const shownTo = withCall('telephony.externalcall.show', callId).map((c) => String(c.params.USER_ID));
    expect(shownTo.sort()).toEqual(['4', '5']);
    const hiddenFrom = withCall('telephony.externalcall.hide', callId).map((c) => String(c.params.USER_ID));
    expect(hiddenFrom).toEqual(['5']);
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
    expect(card.decision?.trunk?.name).toBe('HR-1');
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
    const hiddenFrom = withCall('telephony.externalcall.hide', callId).map((c) => String(c.params.USER_ID));
    expect(hiddenFrom.sort()).toEqual(['4', '5']);
    await b.waitForOutboxDrained();
    expect(await b.db.outboxMessage.count({ where: { status: { not: 'done' } } })).toBe(0);
  });
});
