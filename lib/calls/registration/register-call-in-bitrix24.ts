import { enqueueRestCall } from '../../bitrix24/outbox/enqueue-rest-call';
import { outboxRef } from '../../bitrix24/outbox/outbox-ref';
import { getDb, type Db } from '../../db/client';
import { decideRegistration, type ListItem, type RegistrationDecision } from '../../lists/decide-registration';
import { sendRestCallNow } from '../../bitrix24/outbox/send-rest-call-now';
import { type CallPerson, loadCallPerson } from './load-call-person';

export type RegisterCallInBitrix24Options = {
  portalId: number;
  /**
   * Asterisk Linkedid: the journal key, and the unique EXTERNAL_CALL_ID (Bitrix24 merges same-number calls otherwise).
   */
  linkedId: string;
  direction: 'outbound' | 'inbound';
  number: string;
  b24UserId?: number | null;
  extension?: string | null;
  /** The external line NUMBER the call used (the trunk's lineNumber); Market rules want it on incoming calls. */
  lineNumber?: string | null;
  /** A CRM-form callback: registered as TYPE 4 (telephony-external-call-register.md). */
  callback?: boolean;
  startedAt?: Date;
  /** CRM_CREATE: an unknown number becomes a lead (default); incoming calls follow the portal's setting. */
  crmCreate?: boolean;
  /**
   * The card for the manager: a `show` after the register (default); 'with-register' pops it in the same request
   * (SHOW=1, the first user an incoming call rings: one Bitrix24 round trip sooner); 'none' for a call over already (a
   * callback given up: the manager gets the missed call) and for the incoming call's later users (shown one by one).
   */
  show?: 'after-register' | 'with-register' | 'none';
  /** Lists already loaded (a batch of calls); default: this portal's from the database. */
  lists?: ListItem[];
  /** The manager already looked up (an incoming call's card); default: from the user cache by id or extension. */
  person?: CallPerson;
  /**
   * Sent at once, claimed as it is stored (sendRestCallNow), rather than left to the outbox worker's next round; resolves
   * while Bitrix24 answers (a `show` that needs its CALL_ID waits for that answer).
   */
  sendNow?: boolean;
  db?: Db;
};

export const registerKey = (linkedId: string) => `register:${linkedId}`;

/**
 * A desk-phone or incoming call started: decides whether it belongs in the CRM and, if so, enqueues `register`
 * and the card for the manager (options.show) through the outbox. Not for click-to-call: Bitrix24 registered those itself and
 * the event's CALL_ID is on the journal (b24CallId). The decision is written to the journal row when it exists.
 */
export async function registerCallInBitrix24(options: RegisterCallInBitrix24Options): Promise<RegistrationDecision> {
  const { portalId, linkedId, direction, number, lineNumber, startedAt = new Date(), db = getDb() } = options;
  const person =
    options.person ??
    (await loadCallPerson({ db, portalId, b24UserId: options.b24UserId, extension: options.extension }));
  const lists =
    options.lists ??
    (await db.listEntry.findMany({ where: { portalId }, select: { list: true, value: true, isPattern: true } }));
  const decision = decideRegistration({
    call: { userId: person.b24UserId, departmentIds: person.departmentIds, extension: person.extension, number },
    lists,
  });
  const who = person.b24UserId
    ? { USER_ID: person.b24UserId }
    : person.extension
      ? { USER_PHONE_INNER: person.extension }
      : null;
  const register = decision.register && who !== null;
  const journal = () =>
    db.call.updateMany({
      where: { linkedId },
      data: { registered: register, registrationReason: who ? decision.reason : 'unknown_user' },
    });
  // Sent at once, the request leaves before the journal is told (the row often does not exist yet then).
  if (!options.sendNow || !register) await journal();
  if (!register) return who ? decision : { register: false, reason: decision.reason };
  await (options.sendNow ? sendRestCallNow : enqueueRestCall)({
    returnWhenSent: true,
    db,
    portalId,
    method: 'telephony.externalcall.register',
    dedupeKey: registerKey(linkedId),
    params: {
      ...who,
      PHONE_NUMBER: number,
      TYPE: options.callback ? 4 : direction === 'outbound' ? 1 : 2,
      CALL_START_DATE: startedAt.toISOString(),
      CRM_CREATE: options.crmCreate === false ? 0 : 1,
      SHOW: options.show === 'with-register' ? 1 : 0,
      EXTERNAL_CALL_ID: linkedId,
      ...(lineNumber ? { LINE_NUMBER: lineNumber } : {}),
    },
  });
  if (options.sendNow) await journal();
  if (options.show === 'none' || options.show === 'with-register') return decision;
  await enqueueRestCall({
    db,
    portalId,
    method: 'telephony.externalcall.show',
    dedupeKey: `show:${linkedId}`,
    params: {
      CALL_ID: outboxRef(registerKey(linkedId), 'CALL_ID'),
      ...(person.b24UserId ? { USER_ID: person.b24UserId } : {}),
    },
  });
  return decision;
}
