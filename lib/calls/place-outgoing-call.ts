import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import type { RouteDecision } from '../routing/decide-route';
import { routeCall } from '../routing/route-call';
import { processSimReservations } from '../routing/sim-reservations';
import { forgetRoutingContext } from '../routing/settings/get-routing-context';
import type { Caller } from '../routing/types';
import { NOT_PLACED_STATUS_CODE } from './b24-status-code';
import {
  claimCallJournalRow,
  linkedIdForB24Call,
  linkedIdForEventKey,
  type OutgoingCallOrigin,
} from './claim-call-journal-row';
import { getSimLoad } from './get-sim-load';
import { newLinkedId, originate } from './originate-call';
import { currentLiveChannels } from './current-live-channels';
import { handOffQueuedCall } from './hand-off-queued-call';
import { ownsPbx, pickPbxConnection, type PbxConnections } from './pbx-connections';
import { QUEUED_STATUS } from './queued-call';
import { refusedLineReason } from './refused-line-reason';
import { issueRecordingToken } from './recording/issue-recording-token';

/** What the callers (Bitrix24 events, the call card, the CLI) know about the call they want. */
export type OutgoingCallRequest = {
  portalId: number;
  /** The manager's desk phone, rung first; the client is dialled when it answers. */
  extension: string;
  /** The client's number as given (E.164 with or without "+", or as dialled). */
  number: string;
  /** The line the manager chose (LINE_NUMBER or its name); empty or null = automatic by carrier. */
  requestedLine?: string | null;
  /** ONEXTERNALCALLSTART's CALL_ID (Bitrix24 registered the call already); null for a callback, a redial, the CLI. */
  b24CallId?: string | null;
  origin: OutgoingCallOrigin;
  /** The manager's Bitrix24 user, when known: the journal row's user. */
  b24UserId?: number | null;
  /** When the caller is known by department rather than by extension (the CLI's default Sales caller). */
  caller?: Caller;
  /** The manager's user row was just written from Bitrix24: cached routing forgets the portal's people first. */
  callerChanged?: boolean;
  /** Place nothing when the manager's own line is refused (the card says why) instead of the automatic line. */
  keepRequestedLine?: boolean;
  /** The client's extension (ONEXTERNALCALLSTART's EXTENSION, validated): dialled as DTMF after the answer. */
  dialExtension?: string | null;
  /** What a CRM-form callback tells the manager (its TEXT and VOICE): kept on the journal row for the card. */
  managerText?: string | null;
  managerVoice?: string | null;
  /** A stable key of the event that asked for a call without a CALL_ID: a replay of that event places nothing. */
  eventKey?: string | null;
};

export type PlaceOutgoingCallOptions = OutgoingCallRequest & {
  db: Db;
  /** The PBXes this process talks to: the call leaves from one, the live SIM load comes from all. */
  ami: PbxConnections;
  /** Test and bench hook: called when the Originate bytes are on the socket. */
  onWritten?: () => void;
  /** Pause between the client's answer and the extension's digits (default in sendDigitsAfterAnswer). */
  dtmfDelayMs?: number;
};

export type OutgoingCallResult =
  | { outcome: 'placed'; linkedId: string; decision: RouteDecision }
  /** This CALL_ID was placed before (a replayed event): nothing dialled again. */
  | { outcome: 'duplicate'; linkedId: string }
  /** The line's PBX is owned by another app instance: the stored click-to-call waits there (handOffQueuedCall). */
  | { outcome: 'handedOff'; linkedId: string }
  | { outcome: 'refused' | 'noLine'; decision: RouteDecision }
  /** Routed, and the PBX side could not place it (no PBX connection, Originate refused): the reason says why. */
  | { outcome: 'notPlaced'; decision: RouteDecision; message: string };

/**
 * The one way an outgoing call is placed: routed once with the live SIM load, recorded when decideRecording says so
 * (the upload token travels on the Originate), journalled with the decision actually dialled, then originated on the trunk's PBX. Expected
 * refusals and a PBX that cannot place the call come back as outcomes (a claimed row is then closed as 503).
 */
export async function placeOutgoingCall(options: PlaceOutgoingCallOptions): Promise<OutgoingCallResult> {
  const { db, portalId, ami, extension } = options;
  const b24CallId = options.b24CallId || null;
  const requestedLine = options.requestedLine?.trim() || null;
  const eventKey = options.eventKey || null;
  const linkedId = b24CallId
    ? linkedIdForB24Call(portalId, b24CallId)
    : eventKey
      ? linkedIdForEventKey(portalId, eventKey)
      : newLinkedId();
  if (b24CallId || eventKey) {
    const existing = await db.call.findUnique({ where: { linkedId }, select: { status: true } });
    if (existing && existing.status !== QUEUED_STATUS) return { outcome: 'duplicate', linkedId };
  }
  if (options.callerChanged) forgetRoutingContext(portalId);
  const owned = [...ami.values()].filter(ownsPbx);
  // A standby instance sees the other instance's calls in progress through the journal.
  const live =
    owned.length === ami.size ? { trackers: owned.map((c) => c.tracking.state) } : { live: currentLiveChannels() };
  const [{ occupancy, usage, unreachable }, recordToken, userId] = await Promise.all([
    getSimLoad({ db, portalId, ...live }),
    issueRecordingToken(db, { portalId, number: options.number, b24UserId: options.b24UserId, extension, linkedId }),
    findUserId(db, portalId, options.b24UserId ?? null, extension),
  ]);
  const reservations = processSimReservations();
  const decision = await routeCall({
    db,
    portalId,
    number: options.number,
    extension,
    caller: options.caller,
    requestedLine,
    occupancy,
    usage,
    unreachable,
    reservations,
  });
  // Held from the decision until the call is tracked here (the tracker holds its SIM from then) or given up.
  const release = <T>(result: T): T => {
    if (decision.trunk) reservations.release(decision.trunk.id, decision.trunk.sim);
    return result;
  };
  if (options.keepRequestedLine && requestedLine && refusedLineReason(decision)) {
    return release({ outcome: 'refused', decision });
  }
  const trunk = decision.trunk;
  if (!trunk) return release({ outcome: 'noLine', decision });
  const pbx = await pickPbxConnection({ db, connections: ami, trunkId: Number(trunk.id) }).catch(expected);
  if (AppError.is(pbx)) return release({ outcome: 'notPlaced', decision, message: pbx.message });
  if (!ownsPbx(pbx)) {
    const handedOff =
      b24CallId || eventKey
        ? await handOffQueuedCall({
            db,
            linkedId,
            portalId,
            pbxName: pbx.manager.name,
            number: decision.number.e164,
            b24UserId: options.b24UserId,
            requestedLine,
            origin: options.origin,
            callback: eventKey
              ? {
                  eventKey,
                  managerText: options.managerText ?? null,
                  managerVoice: options.managerVoice ?? null,
                }
              : undefined,
          })
        : false;
    if (handedOff) return release({ outcome: 'handedOff', linkedId });
    return release({
      outcome: 'notPlaced',
      decision,
      message: `PBX ${pbx.manager.name} is served by another app instance now`,
    });
  }
  const claimed = await claimCallJournalRow({
    db,
    linkedId,
    portalId,
    pbxName: pbx.manager.name,
    origin: options.origin,
    extension,
    userId,
    decision: { ...decision, trunk },
    requestedLine,
    b24CallId,
    startedAt: new Date(),
    dialExtension: options.dialExtension ?? null,
    managerText: options.managerText ?? null,
    managerVoice: options.managerVoice ?? null,
  });
  if (!claimed) return release({ outcome: 'duplicate', linkedId });
  try {
    await originate({
      linkedId,
      extension,
      number: decision.number.e164,
      dial: trunk.dial,
      // Another PBX's line fails that PBX's DIAL_PATTERN and is dropped there: failover stays on this PBX's lines.
      fallbackDials: decision.fallbacks.map((fallback) => fallback.dial),
      sim: trunk.sim,
      recordToken,
      callId: b24CallId,
      origin: options.origin,
      decision,
      portalId,
      userId,
      requestedLine,
      dialExtension: options.dialExtension ?? null,
      dtmfDelayMs: options.dtmfDelayMs,
      carrierInn: decision.carrier?.inn ?? null,
      carrierSource: decision.carrier?.source ?? 'unknown',
      manager: pbx.manager,
      tracking: pbx.tracking,
      onWritten: options.onWritten,
    });
  } catch (error) {
    await closeUnplacedCall(db, linkedId);
    return release({ outcome: 'notPlaced', decision, message: expected(error).message });
  }
  return release({ outcome: 'placed', linkedId, decision });
}

/** An AppError is an expected failure, returned; anything else is a bug and goes on up. */
function expected(error: unknown): AppError {
  if (AppError.is(error)) return error;
  throw error;
}

/** The manager's user row: by Bitrix24 id when the caller knows it, else by the desk phone's extension. */
async function findUserId(
  db: Db,
  portalId: number,
  b24UserId: number | null,
  extension: string,
): Promise<number | null> {
  const user = b24UserId
    ? await db.user.findUnique({ where: { portalId_b24UserId: { portalId, b24UserId } }, select: { id: true } })
    : await db.user.findFirst({ where: { portalId, extension, active: true }, select: { id: true } });
  return user?.id ?? null;
}

/** The Originate never left (bad input, no AMI): the claimed row must not stay "in progress". */
async function closeUnplacedCall(db: Db, linkedId: string): Promise<void> {
  await db.call.updateMany({
    where: { linkedId, status: { not: 'ended' } },
    data: { status: 'ended', endedAt: new Date(), talkSec: 0, durationSec: 0, b24StatusCode: NOT_PLACED_STATUS_CODE },
  });
}
