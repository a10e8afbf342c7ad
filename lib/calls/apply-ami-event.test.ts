import { describe, expect, it } from 'vitest';
import type { AmiMessage } from '../asterisk/ami/ami-message';
import { applyAmiEvent } from './apply-ami-event';
import { createCallTrackerState, type CallChange, type CallTrackerState } from './call-tracker-state';
import { demoTrunks } from '../routing/demo-routing-settings';
import { matchCallChannel } from './match-call-channel';
import { loadEventStream } from './testing/load-event-stream';
import { trackOriginatedCall } from './track-originated-call';

const STEP_MS = 100;
/** The lines the streams were recorded through (PJSIP/{number}@gw_beeline…) and the test PBX's phones. */
const match = matchCallChannel({ templates: demoTrunks.map((t) => t.dial), extensions: ['101', '102', '103'] });

function replay(state: CallTrackerState, events: AmiMessage[], start = 0): CallChange[] {
  return events.flatMap((event, index) =>
    applyAmiEvent(state, event, start + (index + 1) * STEP_MS).changes.map((c) => ({ ...c, call: { ...c.call } })),
  );
}

function originate(state: CallTrackerState, name: string, number: string, trunk: string) {
  trackOriginatedCall(state, {
    linkedId: `c2c-capture-${name}`,
    extension: '101',
    number,
    trunkEndpoint: trunk,
    sim: 0,
    b24CallId: null,
    now: 0,
  });
}

const cases = [
  {
    name: 'answered-beeline',
    number: '79031234567',
    trunk: 'gw_beeline',
    status: '200',
    answered: true,
    extension: '101',
  },
  { name: 'busy-mts', number: '79161234560', trunk: 'gw_mts', status: '486', answered: false, extension: '101' },
  {
    name: 'transfer-megafon',
    number: '79261234567',
    trunk: 'gw_megafon',
    status: '200',
    answered: true,
    extension: '102',
  },
] as const;

describe('applyAmiEvent on recorded click-to-calls', () => {
  it.each(cases)(
    '$name: one call, ended once, status $status, trunk $trunk',
    ({ name, number, trunk, status, answered, extension }) => {
      const state = createCallTrackerState({ pbxName: 'pbx', match });
      originate(state, name, number, trunk);
      const changes = replay(state, loadEventStream(name));
      const ended = changes.filter((c) => c.kind === 'ended');
      expect(ended).toHaveLength(1);
      const call = ended[0]!.call;
      expect(call).toMatchObject({
        linkedId: `c2c-capture-${name}`,
        origin: 'click_to_call',
        status: 'ended',
        number,
        trunkEndpoint: trunk,
        b24StatusCode: status,
        b24CallId: `b24-${name}`,
        extension,
      });
      expect(call.talkSec! > 0).toBe(answered);
      expect(call.durationSec).toBeGreaterThan(0);
      expect(new Set(changes.map((c) => c.call.linkedId)).size).toBe(1);
      expect(state.calls.size).toBe(0); // every channel hung up: nothing left in memory
      expect(state.channels.size).toBe(0);
    },
  );

  it('a transfer does not end the call when the manager leg hangs up; talk time runs to the client hang-up', () => {
    const state = createCallTrackerState({ pbxName: 'pbx', match });
    originate(state, 'transfer-megafon', '79261234567', 'gw_megafon');
    const events = loadEventStream('transfer-megafon');
    const changes = replay(state, events);
    const managerHangup = events.findIndex((e) => e.Event === 'Hangup' && String(e.Channel).startsWith('PJSIP/101'));
    const trunkHangup = events.findIndex(
      (e) => e.Event === 'Hangup' && String(e.Channel).startsWith('PJSIP/gw_megafon'),
    );
    const firstBridge = events.findIndex(
      (e) => e.Event === 'BridgeEnter' && String(e.Channel).startsWith('PJSIP/gw_megafon'),
    );
    expect(managerHangup).toBeLessThan(trunkHangup);
    expect(changes.find((c) => c.kind === 'ended')!.call.talkSec).toBe(
      Math.round(((trunkHangup - firstBridge) * STEP_MS) / 1000),
    );
    expect(changes.filter((c) => c.kind === 'transfer')).toHaveLength(1);
  });

  it('three calls interleaved give the same three records', () => {
    const state = createCallTrackerState({ pbxName: 'pbx', match });
    for (const c of cases) originate(state, c.name, c.number, c.trunk);
    const streams = cases.map((c) => loadEventStream(c.name));
    const merged: AmiMessage[] = [];
    for (let i = 0; streams.some((s) => i < s.length); i++)
      for (const s of streams) if (i < s.length) merged.push(s[i]!);
    const ended = replay(state, merged).filter((c) => c.kind === 'ended');
    expect(ended.map((c) => [c.call.trunkEndpoint, c.call.b24StatusCode]).sort()).toEqual([
      ['gw_beeline', '200'],
      ['gw_megafon', '200'],
      ['gw_mts', '486'],
    ]);
  });

  it('a call seen only through AMI (desk phone) is tracked as such', () => {
    const state = createCallTrackerState({ pbxName: 'pbx', match });
    const ended = replay(state, loadEventStream('answered-beeline')).filter((c) => c.kind === 'ended');
    expect(ended[0]!.call).toMatchObject({
      origin: 'desk_phone',
      extension: '101',
      number: '79031234567',
      b24StatusCode: '200',
    });
  });

  it('skips garbage: unknown events, missing fields, wrong types — never throws', () => {
    const state = createCallTrackerState({ pbxName: 'pbx', match });
    const garbage: AmiMessage[] = [
      {},
      { Event: 'TotallyUnknown', Foo: 'bar' },
      { Event: 'Newchannel' },
      { Event: 'Newchannel', Uniqueid: ['a', 'b'], Linkedid: 'x' },
      { Event: 'Hangup' },
      { Event: 'Hangup', Uniqueid: 'nope', Cause: 'abc' },
      { Event: 'DialBegin', DestUniqueid: 'ghost' },
      { Event: 'DialEnd' },
      { Event: 'BridgeEnter', Uniqueid: 'ghost' },
      { Event: 'VarSet', Variable: 'B24_CALL_ID' },
      { Event: 'UserEvent', UserEvent: 'B24TrunkFallback' },
      { Event: 'BlindTransfer' },
      { Event: 'OriginateResponse', Response: 'Failure' },
      { Event: 'Newstate', ChannelStateDesc: 'Ringing' },
    ];
    const results = garbage.map((event) => applyAmiEvent(state, event, 1));
    expect(results.filter((r) => r.skipped).length).toBeGreaterThanOrEqual(4);
    // …and the tracker still works afterwards
    originate(state, 'busy-mts', '79161234560', 'gw_mts');
    expect(replay(state, loadEventStream('busy-mts')).filter((c) => c.kind === 'ended')).toHaveLength(1);
  });

  it('an Originate that failed without any channel (unknown endpoint) ends the call as unavailable', () => {
    const state = createCallTrackerState({ pbxName: 'pbx', match });
    trackOriginatedCall(state, {
      linkedId: 'c2c-x',
      extension: '999',
      number: '79031234567',
      trunkEndpoint: 'gw_beeline',
      sim: 0,
      b24CallId: null,
      now: 0,
    });
    const { changes } = applyAmiEvent(
      state,
      { Event: 'OriginateResponse', Response: 'Failure', Reason: '0', Uniqueid: 'c2c-x' },
      50,
    );
    expect(changes[0]?.call).toMatchObject({ status: 'ended', b24StatusCode: '503', talkSec: 0 });
  });
});
