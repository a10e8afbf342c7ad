import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmiMessage } from '../asterisk/ami/ami-message';
import { describeCallCard } from './card/describe-call-card';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import {
  gatewayCallLog,
  startBitrix24ClickToCall,
  waitFor,
  type Bitrix24ClickToCallHarness,
} from './testing/bitrix24-click-to-call-harness';

/**
 * ONEXTERNALCALLSTART's EXTENSION (on-external-call-start.md): a CRM number "+7 916 123-00-37 доб. 12#" is dialled,
 * and once the client answers the extension goes out of the trunk as DTMF — the gateway simulator (the far end)
 * reports each digit it received. The journal row keeps the extension and a 'dtmf' event with the digits sent.
 */
let b: Bitrix24ClickToCallHarness;
const received: Array<{ digit: string; channel: string; at: number }> = [];
beforeAll(async () => {
  b = await startBitrix24ClickToCall();
  // PlayDTMF is app_senddtmf's (in scripts/peers' modules.conf now); a PBX started before that gets it added here —
  // loading a module only adds its applications and actions. "Already loaded" is fine.
  await b.h.manager.action({ Action: 'ModuleLoad', Module: 'app_senddtmf.so', LoadType: 'load' }).catch(() => null);
  b.h.gateway.on('event', (event: AmiMessage) => {
    if (event.Event === 'DTMFEnd' && event.Direction === 'Received')
      received.push({ digit: String(event.Digit), channel: String(event.Channel), at: Date.now() });
  });
}, 120_000);
afterAll(async () => b?.close());

describe('the extension of a click-to-call is dialled after the client answers', () => {
  it('EXTENSION "12#" reaches the far end as DTMF 1, 2, # on the client leg', { timeout: 90_000 }, async () => {
    const number = '79161230037';
    const { callId, firedAt } = await b.clickToCall(2, number, '', 1, '12#');
    await waitForCallLogEntry({ path: gatewayCallLog(), matches: (e) => e.b24CallId === callId, timeoutMs: 20_000 });
    const digits = await waitFor(
      () => {
        // Other engineers' calls share the gateway: only digits on this run's client channel count.
        const mine = received.filter((r) => r.at >= firedAt && r.channel.includes('pbx')).map((r) => r.digit);
        // A starved far end can hear one digit twice (its RTP events stall past the DTMF timeout; CI once heard "12##"):
        // a digit heard again straight after is the same digit. The journal below says what was sent, once each.
        const heard = mine.filter((digit, i) => digit !== mine[i - 1]).join('');
        return heard.length >= 3 ? heard : undefined;
      },
      20_000,
      'DTMF at the gateway',
    );
    expect(digits).toBe('12#');
    await waitFor(() => (b.finishesOf(callId).length ? true : undefined), 60_000, `finish of ${callId}`);
    const row = await b.db.call.findFirstOrThrow({ where: { b24CallId: callId }, include: { events: true } });
    expect(row.dialExtension).toBe('12#');
    const dtmf = row.events.find((event) => event.kind === 'dtmf');
    expect(dtmf?.payload).toMatchObject({ digits: '12#', sent: '12#', error: null });
    const card = await describeCallCard({
      db: b.db,
      portalId: b.portalId,
      extension: '102',
      callId,
      number: null,
      lang: 'ru',
      ami: b.h.ami,
    });
    expect(card.journal?.dialExtension).toBe('12#');
    console.info(`[dial extension] digits at the far end ${received.at(-1)!.at - firedAt} ms after the event`);
    expect(b.backgroundErrors).toEqual([]);
  });

  it('an EXTENSION with letters is not dialled; the call still goes', { timeout: 90_000 }, async () => {
    const number = '79161230047';
    const { callId } = await b.clickToCall(2, number, '', 1, '12;Hangup()');
    await waitForCallLogEntry({ path: gatewayCallLog(), matches: (e) => e.b24CallId === callId, timeoutMs: 20_000 });
    await waitFor(() => (b.finishesOf(callId).length ? true : undefined), 60_000, `finish of ${callId}`);
    const row = await b.db.call.findFirstOrThrow({ where: { b24CallId: callId }, include: { events: true } });
    expect(row.dialExtension).toBeNull();
    expect(row.events.some((event) => event.kind === 'dtmf')).toBe(false);
  });
});
