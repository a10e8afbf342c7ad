import { enqueueRestCall } from '../../bitrix24/outbox/enqueue-rest-call';
import { outboxRef } from '../../bitrix24/outbox/outbox-ref';
import { getDb, type Db } from '../../db/client';
import { registerKey } from './register-call-in-bitrix24';

export type AttachRecordingInBitrix24Options = {
  portalId: number;
  linkedId: string;
  /** mp3 or wav only (Bitrix24 refuses anything else); sent as file content: Bitrix24 cannot fetch a private URL. */
  fileName: string;
  contentBase64: string;
  /** Click-to-call: the event's CALL_ID, when the journal row is not there to tell it. */
  b24CallId?: string | null;
  db?: Db;
};

/**
 * The `finish` message of a call: its dedupe key (`finish:<CALL_ID>`, or `finish:register:<linkedId>` for calls the
 * app registered) and the CALL_ID, or null when the call is not in Bitrix24 (never registered).
 */
export async function findFinishKey(
  db: Db,
  linkedId: string,
  b24CallId?: string | null,
): Promise<{ finishKey: string; registered: boolean } | null> {
  const journal = b24CallId ? null : await db.call.findUnique({ where: { linkedId }, select: { b24CallId: true } });
  const known = b24CallId ?? journal?.b24CallId ?? null;
  if (known) return { finishKey: `finish:${known}`, registered: false };
  const registration = await db.outboxMessage.findUnique({
    where: { dedupeKey: registerKey(linkedId) },
    select: { id: true },
  });
  return registration ? { finishKey: `finish:${registerKey(linkedId)}`, registered: true } : null;
}

/**
 * Enqueues `attachRecord` once per call (its dedupe key follows the call's `finish`): the outbox sends it only after
 * `finish` is done, which is all Bitrix24 asks (a recording may arrive minutes after the call). False when the call
 * is not in Bitrix24, or the file is not mp3/wav.
 */
export async function attachRecordingInBitrix24(options: AttachRecordingInBitrix24Options): Promise<boolean> {
  const { portalId, linkedId, fileName, contentBase64, db = getDb() } = options;
  if (!/\.(mp3|wav)$/i.test(fileName)) return false;
  const finish = await findFinishKey(db, linkedId, options.b24CallId);
  if (!finish) return false;
  await enqueueRestCall({
    db,
    portalId,
    method: 'telephony.externalcall.attachRecord',
    dedupeKey: `record:${finish.finishKey}`,
    params: { CALL_ID: outboxRef(finish.finishKey, 'CALL_ID'), FILENAME: fileName, FILE_CONTENT: contentBase64 },
  });
  return true;
}
