import { describe, expect, it } from 'vitest';
import { applyAmiEvent } from './apply-ami-event';
import { createCallTrackerState } from './call-tracker-state';
import {
  forgetDeviceStates,
  lineReachability,
  noteDeviceState,
  UNCONFIRMED_UNREACHABLE_MS,
  unreachableLines,
} from './line-reachability';
import { summarizeLiveChannels } from './get-sim-load';
import { matchCallChannel } from './match-call-channel';
import { mergeLiveChannels } from './merge-live-channels';

const match = matchCallChannel({
  templates: ['PJSIP/{number}@gw_mts', 'PJSIP/{number}@Beeline-GoIP', 'Dongle/g1/{number}'],
  extensions: ['101'],
});
const deviceState = (Device: string, State: string) => ({ Event: 'DeviceStateChange', Device, State });

describe('line reachability from device states', () => {
  it('knows the lines by their devices, names included that hold a dash', () => {
    expect(match.lineOfDevice('PJSIP/gw_mts')).toBe('gw_mts');
    expect(match.lineOfDevice('PJSIP/Beeline-GoIP')).toBe('Beeline-GoIP');
    expect(match.lineOfDevice('Dongle/dongle0')).toBe('g1');
    expect(match.lineOfDevice('PJSIP/101')).toBeNull();
    expect(match.lineDevices()).toEqual(['PJSIP/gw_mts', 'PJSIP/Beeline-GoIP']);
  });

  it('UNAVAILABLE after a reachable state takes a line out at once; any other state brings it back', () => {
    const state = createCallTrackerState({ pbxName: 'main', match });
    applyAmiEvent(state, deviceState('PJSIP/gw_mts', 'NOT_INUSE'), 0);
    applyAmiEvent(state, deviceState('PJSIP/gw_mts', 'UNAVAILABLE'), 1_000);
    applyAmiEvent(state, deviceState('PJSIP/101', 'UNAVAILABLE'), 1_000);
    expect(unreachableLines(state, 1_000)).toEqual(['gw_mts']);
    expect(summarizeLiveChannels([state], 1_000).unreachable).toEqual(['gw_mts']);
    applyAmiEvent(state, deviceState('PJSIP/gw_mts', 'NOT_INUSE'), 2_000);
    expect(unreachableLines(state, 2_000)).toEqual([]);
    expect(summarizeLiveChannels([state], 2_000)).not.toHaveProperty('unreachable');
  });

  it.each([
    { heard: 'UNAVAILABLE, first word after (re)connecting', afterMs: 0, out: false },
    { heard: 'UNAVAILABLE, first word, a qualify round later', afterMs: 60_000, out: false },
    { heard: 'UNAVAILABLE, first word, never answered since', afterMs: UNCONFIRMED_UNREACHABLE_MS, out: true },
  ])('a PBX that has just started says every qualified trunk is down: $heard → out: $out', ({ afterMs, out }) => {
    const state = createCallTrackerState({ pbxName: 'main', match });
    applyAmiEvent(state, deviceState('PJSIP/gw_mts', 'NOT_INUSE'), 0);
    forgetDeviceStates(state);
    noteDeviceState(state, 'PJSIP/gw_mts', 'UNAVAILABLE', 10_000);
    applyAmiEvent(state, deviceState('PJSIP/gw_mts', 'UNAVAILABLE'), 10_000 + afterMs);
    expect(unreachableLines(state, 10_000 + afterMs)).toEqual(out ? ['gw_mts'] : []);
    expect(lineReachability(state, 10_000 + afterMs).get('gw_mts')).toBe(!out);
  });

  it('a modem group is unreachable only when every modem the PBX reported on is', () => {
    const state = createCallTrackerState({ pbxName: 'main', match });
    applyAmiEvent(state, deviceState('Dongle/dongle0', 'INUSE'), 0);
    applyAmiEvent(state, deviceState('Dongle/dongle0', 'UNAVAILABLE'), 0);
    applyAmiEvent(state, deviceState('Dongle/dongle1', 'INUSE'), 0);
    expect(unreachableLines(state, 0)).toEqual([]);
    applyAmiEvent(state, deviceState('Dongle/dongle1', 'UNAVAILABLE'), 0);
    expect(unreachableLines(state, 0)).toEqual(['g1']);
  });

  it('several PBXes: the union', () => {
    const a = { busyByEndpoint: {}, busySims: {}, unreachable: ['gw_mts'] };
    const b = { busyByEndpoint: {}, busySims: {}, unreachable: ['gw_beeline', 'gw_mts'] };
    expect(mergeLiveChannels(a, b).unreachable).toEqual(['gw_beeline', 'gw_mts']);
    expect(mergeLiveChannels({ busyByEndpoint: {}, busySims: {} }, { busyByEndpoint: {}, busySims: {} })).toEqual({
      busyByEndpoint: {},
      busySims: {},
    });
  });
});

describe("the failover loop's attempts", () => {
  it('a B24DialAttempt UserEvent becomes a dial_attempt change with its figures', () => {
    const state = createCallTrackerState({ pbxName: 'main', match });
    applyAmiEvent(state, { Event: 'Newchannel', Uniqueid: 'u1', Linkedid: 'l1', Channel: 'PJSIP/101-00000001' }, 0);
    const { changes } = applyAmiEvent(
      state,
      {
        Event: 'UserEvent',
        UserEvent: 'B24DialAttempt',
        Linkedid: 'l1',
        Attempt: '1',
        Count: '3',
        Trunk: 'gw_mts',
        Dial: 'PJSIP/79151234567@gw_mts',
        DialStatus: 'CONGESTION',
        Cause: '34',
        Sip: '503',
        Next: 'yes',
      },
      1,
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'dial_attempt',
        detail: {
          attempt: 1,
          count: 3,
          trunk: 'gw_mts',
          dial: 'PJSIP/79151234567@gw_mts',
          dialStatus: 'CONGESTION',
          cause: 34,
          sip: 503,
          moved: 'next',
        },
      }),
    ]);
  });
});
