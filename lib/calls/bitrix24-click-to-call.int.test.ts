import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import {
  gatewayCallLog,
  startBitrix24ClickToCall,
  waitFor,
  type Bitrix24ClickToCallHarness,
} from './testing/bitrix24-click-to-call-harness';

/**
 * End to end: the emulator registers a click-to-call and delivers ONEXTERNALCALLSTART to the event route's logic; the
 * call goes through the real Asterisk pair to the gateway the route chose; at hang-up the real outbox sends `finish`
 * for that CALL_ID, with the STATUS_CODE the journal holds.
 */
let b: Bitrix24ClickToCallHarness;
beforeAll(async () => {
  b = await startBitrix24ClickToCall();
}, 120_000);
afterAll(async () => b?.close());

describe('Bitrix24 click-to-call end to end: emulator event → real Asterisk → gateway → finish', () => {
  it.each([
    {
      who: 'Sales user, MTS number, empty LINE_NUMBER (automatic)',
      userId: 2,
      number: '79161230007',
      lineNumber: '',
      gateway: 'mts',
      trunkName: 'МТС',
    },
    {
      who: 'HR user, LINE_NUMBER = HR-1',
      userId: 4,
      number: '79031230017',
      lineNumber: '74950000201',
      gateway: 'hr1',
      trunkName: 'HR-1',
    },
  ])(
    '$who → the $gateway gateway gets the call, Bitrix24 gets one finish',
    { timeout: 90_000 },
    async ({ userId, number, lineNumber, gateway, trunkName }) => {
      const { callId, firedAt } = await b.clickToCall(userId, number, lineNumber);

      const entry = await waitForCallLogEntry({
        path: gatewayCallLog(),
        matches: (e) => e.b24CallId === callId,
        timeoutMs: 20_000,
      });
      expect(entry).toMatchObject({ gateway, number });
      const atGateway = Date.now();

      const [finish] = await waitFor(
        () => (b.finishesOf(callId).length ? b.finishesOf(callId) : undefined),
        60_000,
        `finish of ${callId}`,
      );
      const finishedAt = Date.now();
      expect(b.backgroundErrors).toEqual([]);
      expect(finish!.params).toMatchObject({ CALL_ID: callId, STATUS_CODE: '200', COST_CURRENCY: 'RUB' });
      expect(Number(finish!.params.DURATION)).toBeGreaterThan(0);
      expect(Number(finish!.params.COST)).toBeGreaterThan(0);
      const statistic = b.emulator.portal('e2e-click-to-call').calls.find((call) => call.CALL_ID === callId)?.statistic;
      expect(statistic).toMatchObject({
        CALL_FAILED_CODE: '200',
        COST_CURRENCY: 'RUB',
        PORTAL_USER_ID: userId,
      });

      const row = await b.db.call.findFirstOrThrow({ where: { b24CallId: callId } });
      expect(row).toMatchObject({
        status: 'ended',
        origin: 'click_to_call',
        number,
        trunkName,
        requestedLine: lineNumber || null,
        b24StatusCode: '200',
      });
      expect(row.costKopecks).toBeGreaterThan(0);
      // Exactly once: with the outbox drained (nothing pending or retrying), there is still one finish; and the app
      // never registered the call again (the only registrations are the clicks').
      await b.waitForOutboxDrained();
      expect(b.finishesOf(callId)).toHaveLength(1);
      expect(b.emulator.callsTo('telephony.externalcall.register').filter((call) => call.status === 200)).toHaveLength(
        b.clicks(),
      );
      console.info(
        `[b24 click-to-call] ${gateway}: event → gateway ${atGateway - firedAt} ms, ` +
          `event → finish ${finishedAt - firedAt} ms (DURATION ${String(finish!.params.DURATION)} s, ` +
          `COST ${String(finish!.params.COST)} ${String(finish!.params.COST_CURRENCY)})`,
      );
    },
  );

  it('a busy client: the journal and the finish sent to Bitrix24 carry the same STATUS_CODE (486)', {
    timeout: 90_000,
  }, async () => {
    const { callId } = await b.clickToCall(3, '79161230010', '');
    const [finish] = await waitFor(
      () => (b.finishesOf(callId).length ? b.finishesOf(callId) : undefined),
      60_000,
      `finish of ${callId}`,
    );
    const row = await b.db.call.findFirstOrThrow({ where: { b24CallId: callId } });
    expect(row).toMatchObject({ status: 'ended', hangupCause: 17, b24StatusCode: '486' });
    expect(finish!.params.STATUS_CODE).toBe(row.b24StatusCode);
    expect(b.backgroundErrors).toEqual([]);
  });

  it('the same ONEXTERNALCALLSTART delivered three times places one call and writes one journal row', {
    timeout: 90_000,
  }, async () => {
    const { callId } = await b.clickToCall(1, '79031230047', '', 3);
    await waitForCallLogEntry({ path: gatewayCallLog(), matches: (e) => e.b24CallId === callId, timeoutMs: 20_000 });
    await waitFor(() => (b.finishesOf(callId).length ? true : undefined), 60_000, `finish of ${callId}`);
    await b.waitForOutboxDrained();
    const atGateway = readFileSync(gatewayCallLog(), 'utf8')
      .split('\n')
      .filter((line) => line.includes(`"b24CallId":"${callId}"`));
    expect(atGateway).toHaveLength(1);
    expect(await b.db.call.count({ where: { b24CallId: callId } })).toBe(1);
    expect(b.finishesOf(callId)).toHaveLength(1);
    expect(b.backgroundErrors).toEqual([]);
  });
});
