import { amiField as field, type AmiMessage } from '../asterisk/ami/ami-message';
import {
  channelEndpoint,
  newTrackedCall,
  type CallChange,
  type CallTrackerState,
  type LiveChannel,
  type TrackedCall,
} from './call-tracker-state';
import { b24StatusCode, NOT_PLACED_STATUS_CODE } from './b24-status-code';
import { noteDeviceState } from './line-reachability';
import { moveCard } from './incoming/move-card';
import { applyTransferEvent, holderOnLine } from './apply-transfer-event';

export type ApplyAmiEventResult = { changes: CallChange[]; skipped?: string };

const NONE: ApplyAmiEventResult = { changes: [] };
const digits = (value: string | undefined) => (value ? value.replace(/\D/g, '') : '');

/**
 * The call tracker's reducer: one AMI event in, the calls' changes out. It updates `state` in place (allocation-free
 * for the ≥10k events/s ingest budget) and does no I/O: the journal writes the returned changes at the edge.
 * Events it does not use are ignored; events it uses but that lack their key fields are skipped with a reason —
 * never thrown — so garbage from AMI cannot stop the tracking of other calls.
 */
export function applyAmiEvent(state: CallTrackerState, event: AmiMessage, now: number): ApplyAmiEventResult {
  switch (field(event, 'Event')) {
    case 'Newchannel':
      return onNewchannel(state, event, now);
    case 'Newstate':
      return onNewstate(state, event);
    case 'DialBegin':
      return onDial(state, event, true);
    case 'DialEnd':
      return onDial(state, event, false);
    case 'BridgeEnter':
      return onBridgeEnter(state, event, now);
    case 'VarSet':
      return onVarSet(state, event);
    case 'UserEvent':
      return onUserEvent(state, event);
    case 'BlindTransfer':
    case 'AttendedTransfer':
      return { changes: applyTransferEvent(state, event) };
    case 'Hangup':
      return onHangup(state, event, now);
    case 'OriginateResponse':
      return onOriginateResponse(state, event, now);
    case 'DeviceStateChange':
      noteDeviceState(state, field(event, 'Device') ?? '', field(event, 'State') ?? '', now);
      return NONE;
    default:
      return NONE;
  }
}

function onNewchannel(state: CallTrackerState, event: AmiMessage, now: number): ApplyAmiEventResult {
  const uniqueid = field(event, 'Uniqueid');
  const linkedId = field(event, 'Linkedid');
  const name = field(event, 'Channel');
  if (!uniqueid || !linkedId || !name) return { changes: [], skipped: 'Newchannel without Uniqueid/Linkedid/Channel' };
  if (state.channels.has(uniqueid)) return NONE; // a replay after resync
  let call = state.calls.get(linkedId);
  // The line a click-to-call was sent to is a trunk leg even before the tracker re-reads a just-saved line.
  const decided = call?.trunkEndpoint && call.answeredAt === null ? call.trunkEndpoint : null;
  const line = state.match.trunkOf(name) ?? (decided === channelEndpoint(name) ? decided : null);
  const isTrunk = line !== null;
  const endpoint = line ?? channelEndpoint(name);
  state.channels.set(uniqueid, { uniqueid, linkedId, name, endpoint, isTrunk, bridgedAt: null });
  const changes: CallChange[] = [];
  if (!call) {
    call = isTrunk
      ? newTrackedCall({
          linkedId,
          pbxName: state.pbxName,
          origin: 'incoming',
          direction: 'inbound',
          startedAt: now,
          number: digits(field(event, 'CallerIDNum')) || null,
        })
      : newTrackedCall({
          linkedId,
          pbxName: state.pbxName,
          origin: 'desk_phone',
          direction: 'outbound',
          startedAt: now,
          extension: state.match.extensionOf(name),
        });
    state.calls.set(linkedId, call);
    changes.push({ kind: 'started', call });
  }
  call.liveChannels += 1;
  // A new trunk leg replaces one that already failed (the dialplan may try another line); never an answered one.
  if (isTrunk && call.answeredAt === null) {
    call.trunkUniqueid = uniqueid;
    call.trunkEndpoint = endpoint;
  }
  return { changes };
}

function onNewstate(state: CallTrackerState, event: AmiMessage): ApplyAmiEventResult {
  if (field(event, 'ChannelStateDesc') !== 'Ringing') return NONE;
  const call = state.calls.get(field(event, 'Linkedid') ?? '');
  if (call?.status !== 'started') return NONE;
  call.status = 'ringing';
  return { changes: [{ kind: 'ringing', call }] };
}

function onDial(state: CallTrackerState, event: AmiMessage, begin: boolean): ApplyAmiEventResult {
  const destUniqueid = field(event, 'DestUniqueid');
  const linkedId = field(event, 'DestLinkedid') ?? field(event, 'Linkedid');
  if (!destUniqueid || !linkedId)
    return { changes: [], skipped: `${begin ? 'DialBegin' : 'DialEnd'} without DestUniqueid/Linkedid` };
  const call = state.calls.get(linkedId);
  if (!call || call.status === 'ended') return NONE;
  const dest = state.channels.get(destUniqueid);
  const destChannel = dest?.name ?? field(event, 'DestChannel') ?? '';
  const destLine = dest ? (dest.isTrunk ? dest.endpoint : null) : state.match.trunkOf(destChannel);
  const destIsTrunk = destLine !== null;
  const destEndpoint = dest?.endpoint ?? destLine ?? channelEndpoint(destChannel);
  const changes: CallChange[] = [];
  if (begin) {
    const dialString = field(event, 'DialString') ?? '';
    if (destIsTrunk && !call.number) call.number = dialledNumber(dialString);
    // A Dongle device's name does not say its group; the Dial does (SIM usage is counted per line).
    if (destIsTrunk && call.answeredAt === null && call.trunkUniqueid === destUniqueid) {
      call.trunkEndpoint = state.match.trunkOfDial(destChannel, dialString) ?? destEndpoint;
      // A line with a template per SIM says which SIM dials: a desk phone's call is booked on that SIM, not SIM 0.
      call.sim = state.match.simOfDial(destChannel, dialString) ?? call.sim;
    }
    if (call.status === 'started') call.status = 'ringing';
    changes.push({ kind: 'dial_begin', call, detail: { dest: destEndpoint } });
    const extension = destIsTrunk ? null : state.match.extensionOf(destChannel);
    if (extension) changes.push(...moveCard(call, { kind: 'ring', leg: destUniqueid, extension }));
    return { changes };
  }
  const dialStatus = field(event, 'DialStatus') ?? null;
  const extension = destIsTrunk ? null : state.match.extensionOf(destChannel);
  // A colleague who answers while the answerer is still on the line is consulted (attended transfer): not theirs yet.
  const consult = dialStatus === 'ANSWER' && extension !== null && holderOnLine(state, call, extension);
  if (destIsTrunk) call.dialStatus = dialStatus;
  // Incoming and transferred calls: whoever answers becomes the responsible manager.
  else if (dialStatus === 'ANSWER' && !consult) call.extension = extension ?? call.extension;
  changes.push({ kind: 'dial_end', call, detail: { dest: destEndpoint, dialStatus } });
  if (extension) {
    const kind = dialStatus !== 'ANSWER' ? 'stop' : consult ? 'consult' : 'answer';
    changes.push(
      ...moveCard(call, kind === 'stop' ? { kind, leg: destUniqueid } : { kind, leg: destUniqueid, extension }),
    );
  }
  return { changes };
}

function onBridgeEnter(state: CallTrackerState, event: AmiMessage, now: number): ApplyAmiEventResult {
  const channel = state.channels.get(field(event, 'Uniqueid') ?? '');
  if (!channel) return NONE;
  channel.bridgedAt ??= now;
  const call = state.calls.get(channel.linkedId);
  if (!call || call.status === 'ended' || call.answeredAt !== null || channel.uniqueid !== call.trunkUniqueid)
    return NONE;
  call.answeredAt = now;
  call.status = 'answered';
  return { changes: [{ kind: 'answered', call }] };
}

function onVarSet(state: CallTrackerState, event: AmiMessage): ApplyAmiEventResult {
  const variable = (field(event, 'Variable') ?? '').replace(/^_+/, '');
  if (variable !== 'B24_CALL_ID' && variable !== 'MIXMONITOR_FILENAME') return NONE;
  const call = state.calls.get(field(event, 'Linkedid') ?? '');
  const value = field(event, 'Value') ?? '';
  if (!call || !value) return NONE;
  if (variable === 'B24_CALL_ID') {
    call.b24CallId ??= value;
    return NONE;
  }
  if (call.recordingPath === value) return NONE;
  call.recordingPath = value;
  return { changes: [{ kind: 'recording', call, detail: { path: value } }] };
}

/**
 * Our dialplan's own events: the desk-phone route decision (desk-phone-routing.conf), a trunk fallback, and each
 * line the failover loop ([b24-dial-lines]) tried.
 */
function onUserEvent(state: CallTrackerState, event: AmiMessage): ApplyAmiEventResult {
  const name = field(event, 'UserEvent');
  if (name !== 'B24TrunkFallback' && name !== 'RouteDecision' && name !== 'B24DialAttempt') return NONE;
  const call = state.calls.get(field(event, 'Linkedid') ?? '');
  if (!call) return NONE;
  if (name === 'B24DialAttempt') return { changes: [{ kind: 'dial_attempt', call, detail: dialAttemptDetail(event) }] };
  if (name === 'RouteDecision')
    return {
      changes: [
        {
          kind: 'route_decision',
          call,
          detail: {
            trunk: field(event, 'Trunk') || null,
            // The whole dial string, from a drop-in that dials the line's template (format=dial).
            dial: field(event, 'Dial') || null,
            method: field(event, 'Method') ?? null,
          },
        },
      ],
    };
  return {
    changes: [
      {
        kind: 'trunk_fallback',
        call,
        detail: { requested: field(event, 'Requested') ?? null, used: field(event, 'Used') ?? null },
      },
    ],
  };
}

const number = (value: string | undefined): number | null => {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) ? parsed : null;
};

/** What the journal keeps of one attempt; `moved` is what the dialplan did, by the rule of lib/routing/failover. */
function dialAttemptDetail(event: AmiMessage): Record<string, string | number | null> {
  return {
    attempt: number(field(event, 'Attempt')),
    count: number(field(event, 'Count')),
    trunk: field(event, 'Trunk') || null,
    dial: field(event, 'Dial') || null,
    dialStatus: field(event, 'DialStatus') || null,
    cause: number(field(event, 'Cause')),
    sip: number(field(event, 'Sip')),
    moved: field(event, 'Next') === 'yes' ? 'next' : 'stop',
  };
}

function onHangup(state: CallTrackerState, event: AmiMessage, now: number): ApplyAmiEventResult {
  const uniqueid = field(event, 'Uniqueid');
  if (!uniqueid) return { changes: [], skipped: 'Hangup without Uniqueid' };
  const channel = state.channels.get(uniqueid);
  if (!channel) return NONE;
  state.channels.delete(uniqueid);
  const call = state.calls.get(channel.linkedId);
  if (!call) return NONE;
  call.liveChannels -= 1;
  const cause = Number.parseInt(field(event, 'Cause') ?? '', 10);
  if (call.status === 'ended') {
    if (call.liveChannels <= 0) state.calls.delete(call.linkedId);
    return NONE;
  }
  // The consulted colleague hung up before any transfer: the card they were shown for it goes.
  const consultEnded = call.consulting?.leg === uniqueid ? moveCard(call, { kind: 'consult_end', leg: uniqueid }) : [];
  const isTrunkLeg = channel.uniqueid === call.trunkUniqueid;
  if (isTrunkLeg && Number.isFinite(cause)) call.hangupCause = cause;
  else if (call.trunkUniqueid === null && Number.isFinite(cause)) call.hangupCause = cause;
  // The call ends with its client leg once that leg talked; a manager leg leaving (transfer) must not end it.
  // Unanswered: wait for the last channel, the dialplan may still try another line.
  if (!(isTrunkLeg && call.answeredAt !== null) && call.liveChannels > 0) return { changes: consultEnded };
  const changes = [...consultEnded, endCall(call, now, channel)];
  if (call.liveChannels <= 0) state.calls.delete(call.linkedId);
  return { changes };
}

function onOriginateResponse(state: CallTrackerState, event: AmiMessage, now: number): ApplyAmiEventResult {
  if (field(event, 'Response') !== 'Failure') return NONE;
  const call = state.calls.get(field(event, 'Uniqueid') ?? '');
  // With channels alive their Hangup closes the call with its cause; with none (unknown endpoint) this is the end.
  if (!call || call.status === 'ended' || call.liveChannels > 0) return NONE;
  const change = endCall(call, now, null);
  call.b24StatusCode = NOT_PLACED_STATUS_CODE;
  state.calls.delete(call.linkedId);
  return { changes: [change] };
}

/**
 * The client's number in a trunk Dial's string: the longest digit run (`79151234567@gw`, `beeline/79151234567`,
 * `1#79151234567@goip` — a prefix before `#` is the gateway's, not the number's).
 */
function dialledNumber(dialString: string): string | null {
  const runs = dialString.replace(/^[^/]*\//, '').match(/\d+/g) ?? [];
  return runs.reduce<string | null>((best, run) => (run.length > (best?.length ?? 0) ? run : best), null);
}

/** Final figures: talk time from the trunk leg's first bridge (not CDR billsec, which counts the manager's answer). */
export function endCall(call: TrackedCall, now: number, lastChannel: LiveChannel | null): CallChange {
  call.status = 'ended';
  call.endedAt = now;
  call.talkSec = call.answeredAt === null ? 0 : Math.max(1, Math.round((now - call.answeredAt) / 1000));
  call.durationSec = Math.max(0, Math.round((now - call.startedAt) / 1000));
  call.b24StatusCode = b24StatusCode({
    answered: call.answeredAt !== null,
    direction: call.direction,
    dialStatus: call.dialStatus,
    cause: call.hangupCause,
  });
  return { kind: 'ended', call, detail: { channel: lastChannel?.name ?? null } };
}
