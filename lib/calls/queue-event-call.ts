import type { Db } from '../db/client';
import { normalizePhoneNumber } from '../numbering/phone';
import { linkedIdForB24Call } from './claim-call-journal-row';
import { QUEUED_STATUS, type QueuedCallRequest } from './queued-call';

export type QueueEventCallOptions = {
  db: Db;
  portalId: number;
  b24CallId: string;
  /** The client's number as the event gave it. */
  number: string;
  /** The manager who clicked: Bitrix24's finish names them. */
  b24UserId: number;
  /** The client's extension (validated), dialled after the answer: on the row from the start for the card. */
  dialExtension?: string | null;
};

/**
 * Stores a click-to-call before its event is answered: a crash after the answer then leaves a row the sweeper finds
 * (finishAbandonedQueuedCalls closes Bitrix24's card), never a call nobody knows of. The row's key is derived from
 * the portal and the CALL_ID, so a replayed event finds it: 'duplicate' means this CALL_ID was taken before.
 */
export async function queueEventCall(options: QueueEventCallOptions) {
  const { db, portalId, b24CallId, number, b24UserId } = options;
  const normalized = normalizePhoneNumber(number);
  const digits = normalized.ok ? normalized.e164 : number.replace(/\D/g, '').slice(0, 20);
  const data = {
    linkedId: linkedIdForB24Call(portalId, b24CallId),
    portalId,
    pbxName: '',
    direction: 'outbound',
    origin: 'click_to_call',
    status: QUEUED_STATUS,
    number: digits,
    b24CallId,
    registered: true,
    registrationReason: 'click_to_call',
    dialExtension: options.dialExtension ?? null,
    decision: { queuedFor: { b24UserId } } satisfies QueuedCallRequest,
  };
  return db.call.create({ data, select: { id: true } }).then(
    () => 'queued' as const,
    (error: { code?: string }) => {
      if (error.code === 'P2002') return 'duplicate' as const;
      throw error;
    },
  );
}
