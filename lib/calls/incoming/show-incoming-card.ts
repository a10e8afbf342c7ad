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
 * CRM_CREATE as the portal says, through the whitelist like every call) and is shown the card by that same request
 * (SHOW=1); each later ringing user gets `show`, and each one who stops ringing or loses it to the answerer gets
 * `hide`. Each move has its own dedupe key (the call and the leg), and a hide waits for the request that showed its
 * card, so a replay or a second instance sends nothing twice or out of order. Every move leaves at once, stored
 * claimed (sendRestCallNow): the card is late if it waits for the worker's round.
 */
export async function showIncomingCard(options: ShowIncomingCardOptions): Promise<void> {
  const { db, portalId, linkedId, action, leg, extension } = options;
  const facts = await loadCardFacts({ db, portalId });
  const person = facts.people.get(extension);
  if (!facts.active || !person?.b24UserId) return;
  let after: string | null = null;
  if (action === 'show') {
    const registration = options.number ? await registerOnce(options, person, facts) : await readRegistration(options);
    if (registration !== 'registered') return;
  } else {
    after = await findShowingMessage(options, person.b24UserId);
    if (!after) return;
  }
  await sendRestCallNow({
    returnWhenSent: true,
    db,
    portalId,
    method: `telephony.externalcall.${action}`,
    dedupeKey: cardKey(linkedId, leg, action),
    params: {
      CALL_ID: outboxRef(registerKey(linkedId), 'CALL_ID'),
      USER_ID: person.b24UserId,
      ...(after ? { [AFTER_KEY]: [after] } : {}),
    },
  });
}

/** 'shown' when this user's card came with the register (SHOW=1); 'registered' when a `show` must follow. */
type Registration = 'none' | 'registered' | 'shown';

async function readRegistration({ db, linkedId }: ShowIncomingCardOptions, userId?: number): Promise<Registration> {
  const row = await db.outboxMessage.findUnique({
    where: { dedupeKey: registerKey(linkedId) },
    select: { params: true },
  });
  if (!row) return 'none';
  const params = row.params as { SHOW?: unknown; USER_ID?: unknown };
  return Number(params.SHOW) === 1 && userId !== undefined && Number(params.USER_ID) === userId
    ? 'shown'
    : 'registered';
}

/** The message that showed this leg's card (its `show`, or the register that carried it): a hide goes after it. */
async function findShowingMessage(options: ShowIncomingCardOptions, userId: number): Promise<string | null> {
  const showKey = cardKey(options.linkedId, options.leg, 'show');
  if (await options.db.outboxMessage.findUnique({ where: { dedupeKey: showKey }, select: { id: true } }))
    return showKey;
  return (await readRegistration(options, userId)) === 'shown' ? registerKey(options.linkedId) : null;
}

/**
 * The first ringing user (that the whitelist lets register) registers the call, their card in the same request;
 * later ones find it registered.
 */
async function registerOnce(
  options: ShowIncomingCardOptions,
  person: CallPerson,
  facts: CardFacts,
): Promise<Registration> {
  const { db, portalId, linkedId, extension } = options;
  if ((await readRegistration(options)) !== 'none') return 'registered';
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
    show: 'with-register',
    sendNow: true,
  });
  if (!decision.register) return 'none';
  // Another instance may have stored the register first, for another user: this one then needs a `show`.
  return readRegistration(options, person.b24UserId!);
}
