import { describe, expect, it } from 'vitest';
import type { AmiMessage } from '../../asterisk/ami/ami-message';
import { applyAmiEvent } from '../apply-ami-event';
import { createCallTrackerState, type CallChange } from '../call-tracker-state';
import { matchCallChannel } from '../match-call-channel';

const match = matchCallChannel({ templates: ['PJSIP/{number}@gw_hr1'], extensions: ['201', '202'] });
const L = 'pbx-1.1';
const newchannel = (uniqueid: string, channel: string): AmiMessage => ({
  Event: 'Newchannel',
  Uniqueid: uniqueid,
  Linkedid: L,
  Channel: channel,
  CallerIDNum: '79031112233',
});
const dial = (begin: boolean, dest: string, channel: string, status = ''): AmiMessage => ({
  Event: begin ? 'DialBegin' : 'DialEnd',
  Linkedid: L,
  DestUniqueid: dest,
  DestLinkedid: L,
  DestChannel: channel,
  ...(begin ? { DialString: channel.split('/')[1]!.split('-')[0]! } : { DialStatus: status }),
});

function cards(events: AmiMessage[]): string[] {
  const state = createCallTrackerState({ pbxName: 'pbx', match });
  return events
    .flatMap((event, i) => applyAmiEvent(state, event, i).changes)
    .filter((change: CallChange) => change.kind === 'card')
    .map((change) => `${change.detail!.action} ${change.detail!.extension} ${change.detail!.leg}`);
}

describe('an incoming call’s card through the AMI reducer', () => {
  it('a ring group of two: shown to both, hidden from the one who did not answer', () => {
    expect(
      cards([
        newchannel('t', 'PJSIP/gw_hr1-00000001'),
        newchannel('a', 'PJSIP/201-00000002'),
        newchannel('b', 'PJSIP/202-00000003'),
        dial(true, 'a', 'PJSIP/201-00000002'),
        dial(true, 'b', 'PJSIP/202-00000003'),
        dial(false, 'a', 'PJSIP/201-00000002', 'ANSWER'),
        dial(false, 'b', 'PJSIP/202-00000003', 'CANCEL'),
      ]),
    ).toEqual(['show 201 a', 'show 202 b', 'hide 202 b']);
  });

  it('FreePBX rings each member through Local/<ext>@from-queue and then PJSIP/<ext>: one card per user', () => {
    expect(
      cards([
        newchannel('t', 'PJSIP/gw_hr1-00000001'),
        dial(true, 'l1', 'Local/201@from-queue-00000001;1'),
        dial(true, 'l2', 'Local/202@from-queue-00000002;1'),
        dial(true, 'p1', 'PJSIP/201-00000004'),
        dial(true, 'p2', 'PJSIP/202-00000005'),
        dial(false, 'p2', 'PJSIP/202-00000005', 'NOANSWER'),
        dial(false, 'l2', 'Local/202@from-queue-00000002;1', 'NOANSWER'),
        dial(false, 'p1', 'PJSIP/201-00000004', 'ANSWER'),
        dial(false, 'l1', 'Local/201@from-queue-00000001;1', 'ANSWER'),
      ]),
    ).toEqual(['show 201 l1', 'show 202 l2', 'hide 202 l2']);
  });

  it('an outgoing call moves no card', () => {
    const state = createCallTrackerState({ pbxName: 'pbx', match });
    const changes = [newchannel('d', 'PJSIP/201-00000001'), dial(true, 'x', 'PJSIP/202-00000002')].flatMap(
      (event, i) => applyAmiEvent(state, event, i).changes,
    );
    expect(changes.filter((change) => change.kind === 'card')).toEqual([]);
  });

  // The real sequence of AMI Atxfer 101 → 102 on our PBX (lib/calls/call-transfers.int.test.ts): the consultation
  // rings 102 through Local/102@managers, and the AttendedTransfer (DestType Bridge) names no target channel.
  const consultation = (transferred: boolean): AmiMessage[] => [
    newchannel('t', 'PJSIP/gw_hr1-00000001'),
    newchannel('a', 'PJSIP/201-00000002'),
    dial(true, 'a', 'PJSIP/201-00000002'),
    dial(false, 'a', 'PJSIP/201-00000002', 'ANSWER'),
    newchannel('l1', 'Local/202@managers-00000000;1'),
    newchannel('l2', 'Local/202@managers-00000000;2'),
    newchannel('c', 'PJSIP/202-00000004'),
    dial(true, 'c', 'PJSIP/202-00000004'),
    dial(false, 'c', 'PJSIP/202-00000004', 'ANSWER'),
    transferred
      ? {
          Event: 'AttendedTransfer',
          Result: 'Success',
          DestType: 'Bridge',
          OrigTransfererChannel: 'PJSIP/201-00000002',
          OrigTransfererLinkedid: L,
          SecondTransfererChannel: 'PJSIP/201-00000002',
          SecondTransfererExten: '',
          SecondTransfererLinkedid: L,
          TransfereeChannel: 'PJSIP/gw_hr1-00000001',
        }
      : { Event: 'Hangup', Uniqueid: 'c', Linkedid: L, Channel: 'PJSIP/202-00000004', Cause: '16' },
  ];
  it('an attended transfer: the consulted colleague sees the card, the answerer loses it only on the transfer', () => {
    expect(cards(consultation(true))).toEqual(['show 201 a', 'show 202 c', 'hide 201 a']);
  });
  it('a consultation that ends without a transfer leaves the card with the answerer', () => {
    expect(cards(consultation(false))).toEqual(['show 201 a', 'show 202 c', 'hide 202 c']);
  });
});
