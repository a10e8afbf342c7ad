import type { CallModel } from '../db/client';
import { type CallOrigin, type CallStatus, newTrackedCall, type TrackedCall } from './call-tracker-state';

/** The SIM the routing decision stored on a journal row picked, when it picked one. */
export function decidedSim(decision: unknown): number | null {
  const sim = (decision as { trunk?: { sim?: unknown } } | null)?.trunk?.sim;
  return typeof sim === 'number' ? sim : null;
}

/** A journal row as the tracker's call: how a call this process did not see start is carried on or followed up. */
export function trackedCallFromRow(row: CallModel): TrackedCall {
  return newTrackedCall({
    linkedId: row.linkedId,
    pbxName: row.pbxName,
    origin: row.origin as CallOrigin,
    direction: row.direction === 'inbound' ? 'inbound' : 'outbound',
    startedAt: row.startedAt.getTime(),
    status: row.status as CallStatus,
    answeredAt: row.answeredAt?.getTime() ?? null,
    endedAt: row.endedAt?.getTime() ?? null,
    number: row.number || null,
    extension: row.extension,
    b24CallId: row.b24CallId,
    b24StatusCode: row.b24StatusCode as TrackedCall['b24StatusCode'],
    hangupCause: row.hangupCause,
    recordingPath: row.recordingPath,
    talkSec: row.talkSec,
    durationSec: row.durationSec,
    sim: decidedSim(row.decision),
    liveChannels: 0,
  });
}
