import type { Db } from '../db/client';
import { linkedIdForEventKey } from './claim-call-journal-row';
import { QUEUED_STATUS, type QueuedCallRequest } from './queued-call';

type Callback = NonNullable<QueuedCallRequest['queuedFor']['callback']>;

export type DeferCallbackOptions = {
  db: Db;
  portalId: number;
  number: string;
  b24UserId: number;
  requestedLine: string | null;
  callback: Pick<Callback, 'eventKey' | 'managerText' | 'managerVoice'>;
  now?: number;
};

/**
 * A client who asked for a call back is still waiting minutes later; a burst that keeps every line busy for longer
 * than this is an outage, and the manager is better told (giveUpCallback) than the client rung an hour late.
 */
export const CALLBACK_RETRY_WINDOW_MS = 10 * 60_000;
/** Lines free up as calls end, tens of seconds apart; trying more often only adds load during the burst. */
export const CALLBACK_RETRY_EVERY_MS = 15_000;

/**
 * A CRM-form callback that found no free line: kept queued (open to any instance, pbxName '') with the time of its
 * next try, which the handed-off call claimer honours. The window is counted from the first deferral, kept across
 * tries. False when the window is over (or the row is no longer queued): the caller gives the callback up.
 */
export async function deferCallback(options: DeferCallbackOptions): Promise<boolean> {
  const { db, portalId, b24UserId, requestedLine, now = Date.now() } = options;
  const linkedId = linkedIdForEventKey(portalId, options.callback.eventKey);
  const existing = await db.call.findUnique({ where: { linkedId }, select: { status: true, decision: true } });
  if (existing && existing.status !== QUEUED_STATUS) return false;
  const before = (existing?.decision as QueuedCallRequest | null)?.queuedFor?.callback;
  const retryUntil = before?.retryUntil ?? now + CALLBACK_RETRY_WINDOW_MS;
  if (now >= retryUntil) return false;
  const callback: Callback = { ...options.callback, retryUntil, nextTryAt: now + CALLBACK_RETRY_EVERY_MS };
  const decision = {
    queuedFor: { b24UserId, requestedLine, origin: 'callback', callback },
  } satisfies QueuedCallRequest;
  if (existing) {
    const { count } = await db.call.updateMany({
      where: { linkedId, status: QUEUED_STATUS },
      data: { pbxName: '', decision },
    });
    return count === 1;
  }
  const data = { linkedId, portalId, pbxName: '', direction: 'outbound', origin: 'callback', number: options.number };
  return db.call.create({ data: { ...data, status: QUEUED_STATUS, decision }, select: { id: true } }).then(
    () => true,
    (error: { code?: string }) => {
      if (error.code === 'P2002') return false; // another instance deferred or placed it meanwhile
      throw error;
    },
  );
}
