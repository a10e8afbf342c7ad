import { enqueueRestCall } from '../../bitrix24/outbox/enqueue-rest-call';
import { outboxRef, type OutboxRef } from '../../bitrix24/outbox/outbox-ref';
import { getDb, type Db } from '../../db/client';
import type { B24StatusCode } from '../b24-status-code';
import { attachRecordingInBitrix24 } from './attach-recording-in-bitrix24';
import { registerKey } from './register-call-in-bitrix24';

export type FinishCallInBitrix24Options = {
  portalId: number;
  linkedId: string;
  b24UserId?: number | null;
  extension?: string | null;
  /** Talk time in seconds (0 when not answered). */
  durationSec: number;
  /** The call's code as the tracker worked it out (the journal's b24StatusCode): sent as is, never recomputed. */
  statusCode: B24StatusCode;
  costKopecks?: number | null;
  currency?: string;
  /** A recording already at hand (tests, tools); the PBX's own upload goes through attachRecordingInBitrix24. */
  recording?: { fileName: string; contentBase64: string } | null;
  /** Click-to-call: the event's CALL_ID, when the journal row is not there to tell it. */
  b24CallId?: string | null;
  db?: Db;
};

export type FinishOutcome = { finished: boolean; callId: string | OutboxRef | null; statusCode: string };

/**
 * A call ended: enqueues `finish` (exactly once per call — the dedupe key is the CALL_ID, or the registration for
 * calls we registered) and then `attachRecord`, which Bitrix24 accepts only after `finish`. Click-to-call calls finish
 * the CALL_ID from ONEXTERNALCALLSTART; other calls finish what our `register` returned; calls never registered
 * (not whitelisted, never-record) produce nothing.
 */
export async function finishCallInBitrix24(options: FinishCallInBitrix24Options): Promise<FinishOutcome> {
  const { portalId, linkedId, durationSec, statusCode, db = getDb() } = options;
  const journal = await db.call.findUnique({ where: { linkedId }, select: { b24CallId: true } });
  const knownCallId = options.b24CallId ?? journal?.b24CallId ?? null;
  let callId: string | OutboxRef | null = knownCallId;
  let finishKey = knownCallId ? `finish:${knownCallId}` : '';
  if (!callId) {
    const registration = await db.outboxMessage.findUnique({
      where: { dedupeKey: registerKey(linkedId) },
      select: { id: true },
    });
    if (!registration) return { finished: false, callId: null, statusCode };
    callId = outboxRef(registerKey(linkedId), 'CALL_ID');
    finishKey = `finish:${registerKey(linkedId)}`;
  }
  const who = options.b24UserId
    ? { USER_ID: options.b24UserId }
    : options.extension
      ? { USER_PHONE_INNER: options.extension }
      : {};
  const settings = await db.portalSettings.findUnique({ where: { portalId }, select: { currency: true } });
  await enqueueRestCall({
    db,
    portalId,
    method: 'telephony.externalcall.finish',
    dedupeKey: finishKey,
    params: {
      CALL_ID: callId,
      ...who,
      DURATION: Math.max(0, Math.round(durationSec)),
      STATUS_CODE: statusCode,
      ...(options.costKopecks != null
        ? {
            COST: (options.costKopecks / 100).toFixed(2),
            COST_CURRENCY: options.currency ?? settings?.currency ?? 'RUB',
          }
        : {}),
    },
  });
  if (options.recording)
    await attachRecordingInBitrix24({ db, portalId, linkedId, ...options.recording, b24CallId: knownCallId });
  return { finished: true, callId, statusCode };
}
