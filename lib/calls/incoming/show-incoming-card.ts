import { enqueueRestCall } from '../../bitrix24/outbox/enqueue-rest-call';
import { AFTER_KEY, outboxRef } from '../../bitrix24/outbox/outbox-ref';
import { sendOutboxMessageNow } from '../../bitrix24/outbox/send-outbox-message-now';
import type { Db } from '../../db/client';
import { loadIncomingCallSettings } from '../../routing/settings/load-incoming-call-settings';
import { registerCallInBitrix24, registerKey } from '../registration/register-call-in-bitrix24';

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
 */
export async function showIncomingCard(options: ShowIncomingCardOptions): Promise<void> {
  const { db, portalId, linkedId, action, leg, extension } = options;
  const user = await db.user.findFirst({
    where: { portalId, extension, active: true },
    select: { b24UserId: true },
  });
  if (!user) return;
  if (action === 'show' && options.number) await registerOnce(options);
  const registered = await db.outboxMessage.findUnique({ where: { dedupeKey: registerKey(linkedId) } });
  if (!registered) return;
  const showKey = cardKey(linkedId, leg, 'show');
  if (action === 'hide' && !(await db.outboxMessage.findUnique({ where: { dedupeKey: showKey } }))) return;
  const key = cardKey(linkedId, leg, action);
  await enqueueRestCall({
    db,
    portalId,
    method: `telephony.externalcall.${action}`,
    dedupeKey: key,
    params: {
      CALL_ID: outboxRef(registerKey(linkedId), 'CALL_ID'),
      USER_ID: user.b24UserId,
      ...(action === 'hide' ? { [AFTER_KEY]: [showKey] } : {}),
    },
  });
  // Durable first, then at once: the register (if this move made it) and the card itself, while the phone rings.
  await sendOutboxMessageNow({ db, dedupeKey: registerKey(linkedId) }).catch(() => false);
  await sendOutboxMessageNow({ db, dedupeKey: key }).catch(() => false);
}

/** The first ringing user (that the whitelist lets register) registers the call; later ones find it registered. */
async function registerOnce(options: ShowIncomingCardOptions): Promise<void> {
  const { db, portalId, linkedId } = options;
  if (await db.outboxMessage.findUnique({ where: { dedupeKey: registerKey(linkedId) } })) return;
  const { crmCreate } = await loadIncomingCallSettings({ db, portalId });
  await registerCallInBitrix24({
    db,
    portalId,
    linkedId,
    direction: 'inbound',
    number: options.number!,
    extension: options.extension,
    lineNumber: options.lineNumber,
    startedAt: options.startedAt,
    crmCreate,
    show: false,
  });
}
