import type { B24StatusCode } from './b24-status-code';
import type { CardLeg, RingingLeg } from './incoming/decide-card-moves';
import { matchCallChannel, splitChannelName, type CallChannelMatcher } from './match-call-channel';

/**
 * The call tracker's state for one PBX: live channels by Uniqueid and calls by Linkedid. Linkedid is the key because
 * every leg of a call shares it — for click-to-call it is the ChannelId we generate for Originate, and it survives
 * transfers, so transfers and parallel ringing never make a second call.
 */
export type CallOrigin = 'click_to_call' | 'callback' | 'desk_phone' | 'incoming';
export type CallStatus = 'started' | 'ringing' | 'answered' | 'ended';

export type TrackedCall = {
  linkedId: string;
  pbxName: string;
  origin: CallOrigin;
  direction: 'outbound' | 'inbound';
  status: CallStatus;
  startedAt: number;
  /** When the trunk (client) leg was first bridged: talk time starts here, not at the manager's answer (billsec). */
  answeredAt: number | null;
  endedAt: number | null;
  /** The client's number (E.164 digits) and the manager's extension, as far as known. */
  number: string | null;
  extension: string | null;
  /** The line key (dial template's endpoint/peer/group, e.g. gw_mts) the client leg went through, and its Uniqueid. */
  trunkEndpoint: string | null;
  trunkUniqueid: string | null;
  /** The SIM slot: the decision's (click-to-call), or the one the dial string names (a line with per-SIM templates). */
  sim: number | null;
  dialStatus: string | null;
  hangupCause: number | null;
  /** Worked out once when the call ends (b24StatusCode); the journal, the `finish` and the card read it. */
  b24StatusCode: B24StatusCode | null;
  b24CallId: string | null;
  recordingPath: string | null;
  talkSec: number | null;
  durationSec: number | null;
  liveChannels: number;
  /** Incoming calls: the users' legs ringing now and the answerer's, who holds the Bitrix24 card (decideCardMoves). */
  ringing: readonly RingingLeg[];
  cardHolder: CardLeg | null;
  /** The colleague the answerer consults before an attended transfer: the transfer moves the card to them. */
  consulting: CardLeg | null;
};

export type LiveChannel = {
  uniqueid: string;
  linkedId: string;
  name: string;
  endpoint: string;
  isTrunk: boolean;
  bridgedAt: number | null;
};

/** A line's device as the PBX last reported it (see line-reachability). */
export type LineDevice = {
  line: string;
  reachable: boolean;
  /** When an UNAVAILABLE not preceded by a reachable state was first heard; null once confirmed by a transition. */
  unconfirmedSince: number | null;
};

export type CallTrackerState = {
  pbxName: string;
  /** Trunk and manager legs as the lines' dial templates and the users' extensions say; replaced when they change. */
  match: CallChannelMatcher;
  channels: Map<string, LiveChannel>;
  calls: Map<string, TrackedCall>;
  /** The lines' devices as the PBX last reported them (DeviceStateChange, Getvar DEVICE_STATE on connect). */
  devices: Map<string, LineDevice>;
};

export type CallChangeKind =
  | 'started'
  | 'ringing'
  | 'dial_begin'
  | 'dial_end'
  | 'answered'
  | 'transfer'
  | 'route_decision'
  | 'trunk_fallback'
  | 'recording'
  /** The extension's digits sent after the client answered (sendDigitsAfterAnswer). */
  | 'dtmf'
  /** One Dial() of a line by the dialplan's failover loop: its result and whether the next line was tried. */
  | 'dial_attempt'
  /** An incoming call's card shown to or hidden from one user (detail: action, leg, extension). */
  | 'card'
  | 'ended';
/** One thing that happened to a call; `call` is the call after the change (the journal writes it as is). */
export type CallChange = {
  kind: CallChangeKind;
  call: TrackedCall;
  detail?: Record<string, string | number | null> /** Epoch ms it happened (set when recorded). */;
  at?: number;
};

export type CreateCallTrackerStateOptions = { pbxName: string; match?: CallChannelMatcher };

/** Until the lines are read no channel is a trunk leg: names alone never make one. */
export function createCallTrackerState({
  pbxName,
  match = matchCallChannel({ templates: [], extensions: [] }),
}: CreateCallTrackerStateOptions): CallTrackerState {
  return { pbxName, match, channels: new Map(), calls: new Map(), devices: new Map() };
}

export function newTrackedCall(
  fields: Pick<TrackedCall, 'linkedId' | 'pbxName' | 'origin' | 'direction' | 'startedAt'> & Partial<TrackedCall>,
): TrackedCall {
  return {
    status: 'started',
    answeredAt: null,
    endedAt: null,
    number: null,
    extension: null,
    trunkEndpoint: null,
    trunkUniqueid: null,
    sim: null,
    dialStatus: null,
    hangupCause: null,
    b24StatusCode: null,
    b24CallId: null,
    recordingPath: null,
    talkSec: null,
    durationSec: null,
    liveChannels: 0,
    ringing: [],
    cardHolder: null,
    consulting: null,
    ...fields,
  };
}

/** "PJSIP/gw_mts-0000001a" → "gw_mts"; "Local/101@managers-00000002;1" → "101@managers". */
export function channelEndpoint(channel: string): string {
  return splitChannelName(channel).resource;
}
