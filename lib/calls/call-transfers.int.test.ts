import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmiMessage } from '../asterisk/ami/ami-message';
import { callIntoPbx } from './testing/call-into-pbx';
import { cardMoves, cardUsers } from './testing/card-moves';
import {
  startBitrix24ClickToCall,
  waitFor,
  type Bitrix24ClickToCallHarness,
} from './testing/bitrix24-click-to-call-harness';

/**
 * An answered incoming call moves to a colleague on the real PBX: by an attended transfer (AMI Atxfer, as the PBX's
 * feature code does it), or by the phone's own transfer key (a blind transfer the phone asks for with SIP REFER). The
 * MTS line (74950000003) rings 101, 102 and 103 (users 1–3 in the emulator); 101 answers and moves the call to 102.
 * Bitrix24's side follows telephony-external-call-show.md, -hide.md and -finish.md.
 */
let b: Bitrix24ClickToCallHarness;
const events: AmiMessage[] = [];
const phoneEvents: AmiMessage[] = [];

beforeAll(async () => {
  b = await startBitrix24ClickToCall();
  await b.db.listEntry.create({ data: { portalId: b.portalId, list: 'whitelist_department', value: '1' } });
  b.h.manager.on('event', (event: AmiMessage) => events.push(event));
  b.h.gateway.on('event', (event: AmiMessage) => event.Event === 'UserEvent' && phoneEvents.push(event));
}, 120_000);
afterAll(async () => {
  for (const ext of ['102', '103']) await b?.h.setGateway(`PHONE_MODE_${ext}`, '').catch(() => undefined);
  await b?.h.setGateway('CLIENT_TALK_SECS', '3').catch(() => undefined);
  await b?.close();
});

const withCall = (method: string, callId: string) =>
  b.emulator.callsTo(method).filter((c) => c.status === 200 && c.params.CALL_ID === callId);
const usersOf = (action: 'show' | 'hide', callId: string) => cardUsers(b.emulator.calls, callId, action);
/** Who still sees the card once every show and hide Bitrix24 accepted is applied in order. */
function cardHoldersAtTheEnd(callId: string): string[] {
  const shown = new Set<string>();
  for (const move of cardMoves(b.emulator.calls, callId))
    if (move.action === 'show') shown.add(move.user);
    else shown.delete(move.user);
  return [...shown].sort();
}
/** The DialEnd of `extension` answering, among the PBX's events from index `since` on. */
const answeredBy = (extension: string, since = 0) =>
  events
    .slice(since)
    .find(
      (e) =>
        e.Event === 'DialEnd' && e.DialStatus === 'ANSWER' && String(e.DestChannel).startsWith(`PJSIP/${extension}-`),
    );

describe('an attended transfer of an incoming call (real PBX)', () => {
  /** The client's call as Bitrix24 registered and then finished it. */
  async function finishedCall(number: string) {
    const register = await waitFor(
      () =>
        b.emulator
          .callsTo('telephony.externalcall.register')
          .find((c) => c.status === 200 && String(c.params.PHONE_NUMBER).includes(number)),
      5_000,
      'register',
    );
    const callId = String((register.response as { result: { CALL_ID: string } }).result.CALL_ID);
    const finish = await waitFor(() => withCall('telephony.externalcall.finish', callId)[0], 40_000, 'finish');
    return { callId, finish };
  }

  /**
   * The group rang 101–103 (cards for users 1–3), 101 answered (hidden from 2 and 3), the transfer moved it to 102:
   * finished 200 for user 2, who alone holds the card, in one journal row. Returns that row.
   */
  async function expectMovedTo102(number: string) {
    const { callId, finish } = await finishedCall(number);
    expect(String(finish.params.USER_ID)).toBe('2');
    expect(String(finish.params.STATUS_CODE)).toBe('200');
    expect(usersOf('hide', callId)).toContain('1');
    expect(cardHoldersAtTheEnd(callId)).toEqual(['2']);
    const rows = await b.db.call.findMany({ where: { number }, include: { user: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ extension: '102', origin: 'incoming', direction: 'inbound' });
    expect(rows[0]?.user?.b24UserId).toBe(2);
    return rows[0]!;
  }

  it('101 answers and transfers to 102: the card moves, the journal keeps one call, finish names 102', {
    timeout: 90_000,
  }, async () => {
    const number = `7903${String(Date.now()).slice(-7)}`;
    await b.h.setGateway('PHONE_MODE_102', 'noanswer');
    await b.h.setGateway('PHONE_MODE_103', 'noanswer');
    await b.h.setGateway('CLIENT_TALK_SECS', '12');
    await callIntoPbx({ gateway: b.h.gateway, through: 'mts', lineNumber: '74950000003', from: number });
    const first = await waitFor(() => answeredBy('101'), 20_000, '101 answers');
    const transferer = String(first.DestChannel);
    const linkedId = String(first.DestLinkedid ?? first.Linkedid);
    await b.h.setGateway('PHONE_MODE_102', '');

    const atxfer = await b.h.manager.action({
      Action: 'Atxfer',
      Channel: transferer,
      Exten: '102',
      Context: 'managers',
    });
    expect(atxfer.Response).toBe('Success');
    await waitFor(() => answeredBy('102'), 20_000, '102 answers the consultation');
    // The transferer hangs up with both calls up: Asterisk completes the transfer (features.conf atxferdropcall=no).
    await b.h.manager.action({ Action: 'Hangup', Channel: transferer });
    const transfer = await waitFor(
      () => events.find((e) => e.Event === 'AttendedTransfer'),
      20_000,
      'the AttendedTransfer event',
    );
    expect(transfer.Result).toBe('Success');

    const row = await expectMovedTo102(number);
    expect(row.linkedId).toBe(linkedId);
  });

  it("101's phone transfers the call to 102 itself (SIP REFER): the card moves, finish names 102", {
    timeout: 90_000,
  }, async () => {
    const number = `7903${String(Date.now()).slice(-7)}`;
    const since = { pbx: events.length, phones: phoneEvents.length };
    await b.h.setGateway('PHONE_MODE_102', 'noanswer');
    await b.h.setGateway('PHONE_MODE_103', 'noanswer');
    await b.h.setGateway('CLIENT_TALK_SECS', '12');
    await callIntoPbx({ gateway: b.h.gateway, through: 'mts', lineNumber: '74950000003', from: number });
    // The phone's side of 101's answered call: the channel the desk phone (the simulator) holds.
    const phone = await waitFor(
      () => phoneEvents.slice(since.phones).find((e) => e.UserEvent === 'PhoneAnswered' && e.Phone === '101'),
      20_000,
      '101 answers',
    );
    await b.h.setGateway('PHONE_MODE_102', '');
    const redirect = await b.h.gateway.action({
      Action: 'Redirect',
      Channel: String(phone.Channel),
      Context: 'phone-refer',
      Exten: '102',
      Priority: '1',
    });
    expect(redirect.Response).toBe('Success');
    const transfer = await waitFor(
      () => events.slice(since.pbx).find((e) => e.Event === 'BlindTransfer'),
      20_000,
      'the BlindTransfer event',
    );
    expect(transfer).toMatchObject({ Result: 'Success', Extension: '102' });

    await expectMovedTo102(number);
  });

  it('the colleague hangs up the consultation: no transfer, 101 keeps the card and the call', {
    timeout: 90_000,
  }, async () => {
    const number = `7903${String(Date.now()).slice(-7)}`;
    const since = events.length;
    await b.h.setGateway('PHONE_MODE_102', 'noanswer');
    await b.h.setGateway('PHONE_MODE_103', 'noanswer');
    await b.h.setGateway('CLIENT_TALK_SECS', '10');
    await callIntoPbx({ gateway: b.h.gateway, through: 'mts', lineNumber: '74950000003', from: number });
    const first = await waitFor(() => answeredBy('101', since), 20_000, '101 answers');
    await b.h.setGateway('PHONE_MODE_102', '');
    const transferer = String(first.DestChannel);
    await b.h.manager.action({ Action: 'Atxfer', Channel: transferer, Exten: '102', Context: 'managers' });
    const consulted = await waitFor(() => answeredBy('102', since), 20_000, '102 answers the consultation');
    await b.h.manager.action({ Action: 'Hangup', Channel: String(consulted.DestChannel) });

    const { callId, finish } = await finishedCall(number);
    expect(String(finish.params.USER_ID)).toBe('1');
    expect(usersOf('hide', callId)).not.toContain('1');
    expect(cardHoldersAtTheEnd(callId)).toEqual(['1']);
    expect(events.slice(since).some((e) => e.Event === 'AttendedTransfer' && e.Result === 'Success')).toBe(false);
    const rows = await b.db.call.findMany({ where: { number }, include: { user: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ extension: '101' });
  });
});
