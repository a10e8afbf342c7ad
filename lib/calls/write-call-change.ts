import type { Prisma, Db } from '../db/client';
import type { CallChange, TrackedCall } from './call-tracker-state';
import { findLineOfDial, recordSimAttempt } from '../sim-health';
import { callDay } from './call-day';

/** What the journal knows about a call that AMI does not say: set by originate, or looked up for AMI-only calls. */
export type CallContext = {
  portalId: number;
  trunkId?: number | null;
  trunkName?: string | null;
  userId?: number | null;
  decision?: unknown;
  requestedLine?: string | null;
  carrierInn?: string | null;
  carrierSource?: string | null;
  /** The call has a journal row already (carried on from another process): it is written whatever its legs. */
  journalled?: boolean;
};

export type WriteCallChangeOptions = { db: Db; change: CallChange; context: CallContext; timeZone?: string };

/**
 * Persists one change as it happens: the Call row (one per linkedId) gets the call's current figures, plus one
 * CallEvent. Idempotent: a replay or a second writer converges on the same row and never reopens an ended call.
 * When a call that used a trunk ends, its SIM's daily usage grows once — the input of the per-SIM caps.
 */
export async function writeCallChange({ db, change, context, timeZone }: WriteCallChangeOptions): Promise<void> {
  const { call } = change;
  const figures = callFigures(call, context);
  // An ended row is final: replays, retries or a late writer never move it back (conditional update, not upsert).
  // One statement for the usual case (the row is there and open): UPDATE … RETURNING id; P2025 when it is not.
  const movedRow = await db.call
    .update({ where: { linkedId: call.linkedId, status: { not: 'ended' } }, data: figures, select: { id: true } })
    .catch((error: { code?: string }) => {
      if (error.code === 'P2025') return null;
      throw error;
    });
  let created = false;
  if (!movedRow && !(await db.call.findUnique({ where: { linkedId: call.linkedId }, select: { id: true } }))) {
    created = await db.call.create({ data: createData(call, context, figures), select: { id: true } }).then(
      () => true,
      (error: { code?: string }) => {
        if (error.code === 'P2002') return false; // another writer created it first: fine, it is the same call
        throw error;
      },
    );
  }
  // The call was already ended: this change is a replay. Except a line's attempt: the dialplan reports the answered
  // line's only after Dial() returns, when the client's hang-up has ended the call; it is reported once.
  if (!movedRow && !created && change.kind !== 'dial_attempt') return;
  const row =
    movedRow ?? (await db.call.findUniqueOrThrow({ where: { linkedId: call.linkedId }, select: { id: true } }));
  await db.callEvent.create({
    data: {
      callId: row.id,
      kind: change.kind,
      at: new Date(change.kind === 'ended' ? call.endedAt! : (change.at ?? Date.now())),
      payload: (change.detail ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
  // A line the failover loop left because its gateway could not carry the call: a failure of that line's SIM.
  if (change.kind === 'dial_attempt' && change.detail?.moved === 'next' && call.direction === 'outbound') {
    const tried = await findLineOfDial({
      db,
      portalId: context.portalId,
      dial: String(change.detail.dial ?? ''),
      number: call.number,
    });
    if (tried?.sim != null)
      await recordSimAttempt({
        db,
        portalId: context.portalId,
        trunkId: tried.trunkId,
        sim: tried.sim,
        statusCode: '503',
        talkSec: 0,
      });
  }
  // SIM usage and the SIM's health count the call once: only the write that moved the row to 'ended' (or created it
  // ended) gets here.
  if (change.kind === 'ended' && call.trunkUniqueid !== null && context.trunkId) {
    const ended = call.endedAt ?? Date.now();
    const { trunkId, sim } = await lineUsed(db, context, call);
    const key = { trunkId, simIndex: sim ?? 0, day: callDay(ended, timeZone) };
    await db.simUsage.upsert({
      where: { trunkId_simIndex_day: key },
      create: { ...key, portalId: context.portalId, calls: 1, seconds: call.talkSec ?? 0, lastCallAt: new Date(ended) },
      update: { calls: { increment: 1 }, seconds: { increment: call.talkSec ?? 0 }, lastCallAt: new Date(ended) },
    });
    if (call.direction === 'outbound' && sim !== null && call.b24StatusCode)
      await recordSimAttempt({
        db,
        portalId: context.portalId,
        trunkId,
        sim,
        statusCode: call.b24StatusCode,
        talkSec: call.talkSec ?? 0,
        now: ended,
      });
  }
}

/**
 * The line (and SIM) the client's leg went through: the decided one, unless the failover loop moved the call to a
 * fallback line — then that line's usage grows, and the decided line's SIM is not charged with another SIM's call.
 */
async function lineUsed(
  db: Db,
  context: CallContext,
  call: TrackedCall,
): Promise<{ trunkId: number; sim: number | null }> {
  const decided = { trunkId: context.trunkId!, sim: call.sim };
  if (!call.trunkEndpoint) return decided;
  const line = await findLineOfDial({ db, portalId: context.portalId, endpoint: call.trunkEndpoint });
  if (!line || line.trunkId === decided.trunkId) return decided;
  // The tracker reads the SIM from the fallback's Dial only when that line names its SIMs; else the gateway picked.
  return { trunkId: line.trunkId, sim: line.namesSims ? call.sim : null };
}

function createData(call: TrackedCall, context: CallContext, figures: ReturnType<typeof callFigures>) {
  return {
    linkedId: call.linkedId,
    portalId: context.portalId,
    direction: call.direction,
    origin: call.origin,
    number: call.number ?? '',
    pbxName: call.pbxName,
    startedAt: new Date(call.startedAt),
    requestedLine: context.requestedLine ?? null,
    decision: context.decision === undefined ? undefined : (context.decision as Prisma.InputJsonValue),
    carrierInn: context.carrierInn ?? null,
    carrierSource: context.carrierSource ?? null,
    ...figures,
  };
}

/** The columns that change during a call (everything the tracker knows at this point). */
function callFigures(call: TrackedCall, context: CallContext) {
  return {
    status: call.status,
    extension: call.extension,
    userId: context.userId ?? null,
    ...(call.number ? { number: call.number } : {}),
    trunkName: context.trunkName ?? call.trunkEndpoint,
    trunkId: context.trunkId ?? null,
    // Known from the click or the journal; a tracker that adopted the call without it must not erase it.
    ...(call.b24CallId ? { b24CallId: call.b24CallId } : {}),
    answeredAt: call.answeredAt === null ? null : new Date(call.answeredAt),
    endedAt: call.endedAt === null ? null : new Date(call.endedAt),
    durationSec: call.durationSec,
    talkSec: call.talkSec,
    hangupCause: call.hangupCause,
    b24StatusCode: call.b24StatusCode,
    recordingPath: call.recordingPath,
  };
}
