import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
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
}, 120_000);
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
});
