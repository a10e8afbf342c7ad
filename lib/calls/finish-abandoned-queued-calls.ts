import { enqueueRestCall } from '../bitrix24/outbox/enqueue-rest-call';
import type { Db } from '../db/client';
import { NOT_PLACED_STATUS_CODE } from './b24-status-code';
import { endQueuedCall } from './close-queued-call';
import { giveUpCallback } from './give-up-callback';
import { QUEUED_STATUS, type QueuedCallRequest } from './queued-call';

export type FinishAbandonedQueuedCallsOptions = {
  db: Db;
  /** A queued call older than this was lost with the process that took it (placing one takes well under a second). */
  olderThanMs?: number;
  now?: number;
};

export const ABANDONED_REASON = 'the app stopped before placing the call';
export const NO_LINE_IN_TIME_REASON = 'no free line while the client waited for the call back';

/**
 * Click-to-calls stored but never placed (the process died between answering Bitrix24 and the Originate): each is
 * closed as not placed and its card in Bitrix24 finished with the reason, once — the row moves out of 'queued' in the
 * same statement that decides who finishes it, so two instances sweeping at once finish it once.
 */
export async function finishAbandonedQueuedCalls(options: FinishAbandonedQueuedCallsOptions): Promise<number> {
  const { db, olderThanMs = 30_000, now = Date.now() } = options;
  const stale = await db.call.findMany({
    where: { status: QUEUED_STATUS, startedAt: { lt: new Date(now - olderThanMs) } },
    select: { id: true, portalId: true, b24CallId: true, number: true, decision: true },
    take: 500,
  });
  let finished = 0;
  for (const call of stale) {
    const request = (call.decision as QueuedCallRequest | null)?.queuedFor;
    if (request?.callback) {
      finished += (await giveUpStaleCallback(db, call, request, now)) ? 1 : 0;
      continue;
    }
    if (!(await endQueuedCall(db, call.id, 'abandoned', new Date(now)))) continue;
    const b24UserId = request?.b24UserId;
    if (call.b24CallId) {
      await enqueueRestCall({
        db,
        portalId: call.portalId,
        method: 'telephony.externalcall.finish',
        dedupeKey: `finish:${call.b24CallId}`,
        params: {
          CALL_ID: call.b24CallId,
          ...(b24UserId ? { USER_ID: b24UserId } : {}),
          DURATION: 0,
          STATUS_CODE: NOT_PLACED_STATUS_CODE,
          FAILED_REASON: ABANDONED_REASON,
        },
      });
    }
    finished += 1;
  }
  return finished;
}

/** A try started just before its window closed may still be placing: the sweep leaves it that long beyond. */
const LAST_TRY_MARGIN_MS = 30_000;

/** A callback is returned to its manager as missed rather than dropped (giveUpCallback), once its window is over. */
async function giveUpStaleCallback(
  db: Db,
  call: { portalId: number; number: string },
  request: QueuedCallRequest['queuedFor'],
  now: number,
): Promise<boolean> {
  const callback = request.callback!;
  if (callback.retryUntil !== undefined && now < callback.retryUntil + LAST_TRY_MARGIN_MS) return false;
  const reason = callback.retryUntil === undefined ? ABANDONED_REASON : NO_LINE_IN_TIME_REASON;
  const { eventKey } = callback;
  return giveUpCallback({
    db,
    portalId: call.portalId,
    eventKey,
    number: call.number,
    b24UserId: request.b24UserId,
    reason,
    now,
  });
}
