import type { AmiMessage } from '../asterisk/ami/ami-message';
import { applyAmiEvent, endCall } from './apply-ami-event';
import type { CallChange, CallTrackerState, TrackedCall } from './call-tracker-state';

/**
 * After a reconnect the events of the gap are lost (AMI does not replay them). Given CoreShowChannels' items, this
 * closes every call none of whose channels is still alive — with the status its last known state implies, answered talk
 * counted up to `lostAt` (when the connection dropped) — and adopts channels that appeared during the gap. A live
 * call the journal already knows (`journalCalls`: placed by another instance that owned the PBX, or by this one before
 * a restart) is adopted as that call — its origin, Bitrix24 CALL_ID and SIM — not as a new one.
 */
export function reconcileLiveChannels(
  state: CallTrackerState,
  liveItems: AmiMessage[],
  lostAt: number,
  now: number,
  journalCalls: ReadonlyMap<string, TrackedCall> = new Map(),
): CallChange[] {
  const changes: CallChange[] = [];
  const live = new Map<string, AmiMessage>();
  for (const item of liveItems) {
    const uniqueid = item.Uniqueid;
    if (typeof uniqueid === 'string' && uniqueid) live.set(uniqueid, item);
  }
  // A call that started after the connection dropped was placed after the reconnect, while this re-sync was on its
  // way: CoreShowChannels may have answered before its channels existed. It is not one the gap could have ended.
  const placedSince = (linkedId: string) => (state.calls.get(linkedId)?.startedAt ?? lostAt) > lostAt;
  for (const [uniqueid, channel] of state.channels) {
    if (live.has(uniqueid) || placedSince(channel.linkedId)) continue;
    state.channels.delete(uniqueid);
    const call = state.calls.get(channel.linkedId);
    if (call) call.liveChannels -= 1;
  }
  for (const call of state.calls.values()) {
    if (call.liveChannels > 0 || call.startedAt > lostAt) continue;
    state.calls.delete(call.linkedId);
    if (call.status === 'ended') continue;
    const change = endCall(call, Math.max(lostAt, call.startedAt), null);
    changes.push({ ...change, detail: { reason: 'gone_after_reconnect' } });
  }
  for (const [uniqueid, item] of live) {
    if (state.channels.has(uniqueid)) continue;
    const linkedId = typeof item.Linkedid === 'string' ? item.Linkedid : '';
    const known = journalCalls.get(linkedId);
    if (known && !state.calls.has(linkedId)) state.calls.set(linkedId, { ...known, liveChannels: 0 });
    // Treat a channel born during the gap as if we had seen its Newchannel now (and its bridge, if it is up in one).
    changes.push(...applyAmiEvent(state, { ...item, Event: 'Newchannel' }, now).changes);
    if (typeof item.BridgeId === 'string' && item.BridgeId)
      changes.push(...applyAmiEvent(state, { Event: 'BridgeEnter', Uniqueid: uniqueid }, now).changes);
  }
  return changes;
}
