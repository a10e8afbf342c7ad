import { describe, expect, it } from 'vitest';
import type { AmiMessage } from '../asterisk/ami/ami-message';
import { applyAmiEvent } from './apply-ami-event';
import { createCallTrackerState } from './call-tracker-state';
import { matchCallChannel } from './match-call-channel';

const simDials = [1, 2, 3, 4].map((port) => `PJSIP/${port}#{number}@gw_mts`);
const match = matchCallChannel({
  templates: ['PJSIP/{number}@gw_mts'],
  extensions: ['101'],
  simLines: [{ dial: 'PJSIP/{number}@gw_mts', simDials }],
});

/** A desk phone's call as the PBX reports it: the phone's channel, the trunk's, the Dial between them. */
function deskCall(dialString: string) {
  const state = createCallTrackerState({ pbxName: 'pbx', match });
  const events: AmiMessage[] = [
    { Event: 'Newchannel', Uniqueid: 'u1', Linkedid: 'u1', Channel: 'PJSIP/101-00000001', CallerIDNum: '101' },
    { Event: 'Newchannel', Uniqueid: 'u2', Linkedid: 'u1', Channel: 'PJSIP/gw_mts-00000002' },
    {
      Event: 'DialBegin',
      Uniqueid: 'u1',
      Linkedid: 'u1',
      DestUniqueid: 'u2',
      DestLinkedid: 'u1',
      DialString: dialString,
    },
  ];
  for (const [index, event] of events.entries()) applyAmiEvent(state, event, index * 100);
  return state.calls.get('u1')!;
}

describe('applyAmiEvent — the SIM a desk call dials', () => {
  it.each([
    ['3#79151234567@gw_mts', 2],
    ['1#79151234567@gw_mts', 0],
    // The line's own template: the gateway picks the port, the SIM stays unknown.
    ['79151234567@gw_mts', null],
  ])('%s → SIM %s', (dialString, sim) => {
    const call = deskCall(dialString);
    expect(call).toMatchObject({ origin: 'desk_phone', trunkEndpoint: 'gw_mts', sim, number: '79151234567' });
  });
});
