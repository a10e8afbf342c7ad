import { describe, expect, it } from 'vitest';
import { applyAmiEvent } from './apply-ami-event';
import { createCallTrackerState, newTrackedCall } from './call-tracker-state';
import { reconcileLiveChannels } from './reconcile-live-channels';
import { loadEventStream } from './testing/load-event-stream';
import { demoTrunks } from '../routing/demo-routing-settings';
import { matchCallChannel } from './match-call-channel';

describe('reconcileLiveChannels', () => {
  it('closes calls whose channels died during the gap, keeps live ones, adopts new ones', () => {
    const state = createCallTrackerState({
      pbxName: 'pbx',
      match: matchCallChannel({ templates: demoTrunks.map((t) => t.dial), extensions: [] }),
    });
    const events = loadEventStream('answered-beeline');
    const bridged = events.findIndex((e) => e.Event === 'BridgeEnter') + 2;
    for (const [i, e] of events.slice(0, bridged).entries()) applyAmiEvent(state, e, i * 100);
    const lostAt = bridged * 100 + 2000;
    const changes = reconcileLiveChannels(
      state,
      [
        {
          Event: 'CoreShowChannel',
          Uniqueid: 'new-1',
          Linkedid: 'new-1',
          Channel: 'PJSIP/gw_mts-0000009',
          CallerIDNum: '79161234567',
          BridgeId: '',
        },
      ],
      lostAt,
      lostAt + 3000,
    );
    const ended = changes.find((c) => c.kind === 'ended')!;
    expect(ended.call).toMatchObject({ status: 'ended', b24StatusCode: '200', endedAt: lostAt });
    expect(ended.detail).toEqual({ reason: 'gone_after_reconnect' });
    expect(changes.find((c) => c.kind === 'started')!.call).toMatchObject({
      linkedId: 'new-1',
      origin: 'incoming',
      number: '79161234567',
    });
    expect([...state.calls.keys()]).toEqual(['new-1']);
  });

  it('leaves alone a call placed after the reconnect whose channels the snapshot did not list yet', () => {
    const state = createCallTrackerState({ pbxName: 'pbx' });
    const lostAt = 10_000;
    const placed = newTrackedCall({
      linkedId: 'c2c-after',
      pbxName: 'pbx',
      origin: 'click_to_call',
      direction: 'outbound',
      startedAt: lostAt + 2_000,
    });
    state.calls.set(placed.linkedId, placed);
    expect(reconcileLiveChannels(state, [], lostAt, lostAt + 2_500)).toEqual([]);
    expect(state.calls.get('c2c-after')?.status).toBe('started');
  });
});

describe('reconcileLiveChannels: calls the journal knows', () => {
  it('adopts a live click-to-call another instance placed as that call, not as an incoming one', () => {
    const state = createCallTrackerState({
      pbxName: 'pbx',
      match: matchCallChannel({ templates: demoTrunks.map((t) => t.dial), extensions: [] }),
    });
    const known = newTrackedCall({
      linkedId: 'b24-abc',
      pbxName: 'pbx',
      origin: 'click_to_call',
      direction: 'outbound',
      startedAt: 1_000,
      b24CallId: 'externalCall.1',
      sim: 2,
      number: '79161230000',
      extension: '101',
    });
    const live = [{ Event: 'CoreShowChannel', Uniqueid: 't.2', Linkedid: 'b24-abc', Channel: 'PJSIP/gw_mts-00000002' }];
    reconcileLiveChannels(state, live, 5_000, 6_000, new Map([['b24-abc', known]]));
    expect(state.calls.get('b24-abc')).toMatchObject({
      origin: 'click_to_call',
      direction: 'outbound',
      b24CallId: 'externalCall.1',
      sim: 2,
      liveChannels: 1,
    });
  });
});
