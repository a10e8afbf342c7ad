import { AFTER_KEY, outboxRef } from '../../bitrix24/outbox/outbox-ref';
import { sendRestCallNow } from '../../bitrix24/outbox/send-rest-call-now';
import type { Db } from '../../db/client';
import { registerCallInBitrix24, registerKey } from '../registration/register-call-in-bitrix24';
import type { CallPerson } from '../registration/load-call-person';
import { type CardFacts, loadCardFacts } from './load-card-facts';

export type ShowIncomingCardOptions = {
  db: Db;
  portalId: number;
  linkedId: string;
  action: 'show' | 'hide';
  /** The card's key (the leg that first rang the user) and the user's extension. */
  leg: string;
  extension: string;
  number: string | null;
  lineNumber: string | null;
  startedAt: Date;
};

export const cardKey = (linkedId: string, leg: string, action: 'show' | 'hide') => `card:${linkedId}:${leg}:${action}`;

/**
 * An incoming call's card for one user: the first user it rings registers the call (TYPE 2, the line called,
 * CRM_CREATE as the portal says, through the whitelist like every call), then each ringing user is shown the card and
 * each one who stops ringing or loses it to the answerer gets `hide`. Each move has its own dedupe key (the call and
 * the leg), and a hide waits for its show, so a replay or a second instance sends nothing twice or out of order.
 * Every move leaves at once, stored claimed (sendRestCallNow): the card is late if it waits for the worker's round.
 */
export async function showIncomingCard(options: ShowIncomingCardOptions): Promise<void> {
  const { db, portalId, linkedId, action, leg, extension } = options;
  const facts = await loadCardFacts({ db, portalId });
  const person = facts.people.get(extension);
  if (!facts.active || !person?.b24UserId) return;
  const registered =
    action === 'show' && options.number ? await registerOnce(options, person, facts) : await isRegistered(db, linkedId);
  if (!registered) return;
  const showKey = cardKey(linkedId, leg, 'show');
  if (action === 'hide' && !(await db.outboxMessage.findUnique({ where: { dedupeKey: showKey } }))) return;
  await sendRestCallNow({
    db,
    portalId,
    method: `telephony.externalcall.${action}`,
    dedupeKey: cardKey(linkedId, leg, action),
    params: {
      CALL_ID: outboxRef(registerKey(linkedId), 'CALL_ID'),
      USER_ID: person.b24UserId,
      ...(action === 'hide' ? { [AFTER_KEY]: [showKey] } : {}),
    },
  });
}

const isRegistered = async (db: Db, linkedId: string) =>
  (await db.outboxMessage.findUnique({ where: { dedupeKey: registerKey(linkedId) }, select: { id: true } })) !== null;

/**
 * The first ringing user (that the whitelist lets register) registers the call; later ones find it registered.
 * True when the call is registered, by this move or an earlier one.
 */
async function registerOnce(options: ShowIncomingCardOptions, person: CallPerson, facts: CardFacts): Promise<boolean> {
  const { db, portalId, linkedId, extension } = options;
  if (await isRegistered(db, linkedId)) return true;
  const decision = await registerCallInBitrix24({
    db,
    portalId,
    linkedId,
    direction: 'inbound',
    number: options.number!,
    extension,
    person,
    lists: facts.lists,
    lineNumber: options.lineNumber,
    startedAt: options.startedAt,
    crmCreate: facts.crmCreate,
    show: false,
    sendNow: true,
  });
  return decision.register;
}
