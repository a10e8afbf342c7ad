import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { Lang } from '../../i18n/lang';
import type { PbxConnections } from '../pbx-connections';
import { placeOutgoingCall } from '../place-outgoing-call';
import { startCallTracking } from '../start-call-tracking';
import { presentRouteDecision, type CardDecision } from './present-route-decision';

export type RedialFromCardOptions = {
  db: Db;
  portalId: number;
  extension: string | null;
  b24UserId: number | null;
  number: string;
  /** LINE_NUMBER (or line name) the manager picked; empty = automatic by carrier. */
  line: string | null;
  /** The Bitrix24 call the card belongs to; kept for the log only: that call is over, the redial is a new one. */
  callId: string | null;
  lang: Lang;
  /** The PBXes to place the call on; default: this process's connections. */
  ami?: PbxConnections;
};

export type RedialOutcome =
  | { outcome: 'placed'; decision: CardDecision; linkedId: string }
  /** The manager's line was refused (not theirs, unknown, disabled): nothing dialled, the reason says why. */
  | { outcome: 'refused'; decision: CardDecision; message: string }
  | { outcome: 'noLine'; decision: CardDecision; message: string }
  /** Routed, and the PBX side could not place it (no AMI connection, originate failed). */
  | { outcome: 'notPlaced'; decision: CardDecision; message: string };

const NO_EXTENSION =
  'У вас нет внутреннего номера в Битрикс24 (UF_PHONE_INNER) — звонить не с чего / ' +
  'You have no extension (UF_PHONE_INNER) in Bitrix24 to call from';

/**
 * The card's "call again": the same outgoing-call use case as Bitrix24's click-to-call, keeping the manager's line
 * choice strictly (a refused line places nothing and the card says why).
 */
export async function redialFromCard(options: RedialFromCardOptions): Promise<RedialOutcome> {
  const { db, portalId, extension, number, lang } = options;
  if (!extension) throw new AppError('FORBIDDEN', NO_EXTENSION);
  const result = await placeOutgoingCall({
    db,
    portalId,
    extension,
    number,
    requestedLine: options.line,
    origin: 'click_to_call',
    b24UserId: options.b24UserId,
    keepRequestedLine: true,
    ami: options.ami ?? startCallTracking(),
  });
  if (result.outcome === 'duplicate' || result.outcome === 'handedOff')
    throw new Error('a redial has no Bitrix24 CALL_ID to be a duplicate of or to hand off');
  const shown = presentRouteDecision(result.decision, lang);
  switch (result.outcome) {
    case 'placed':
      return { outcome: 'placed', decision: shown, linkedId: result.linkedId };
    case 'refused':
      return { outcome: 'refused', decision: shown, message: shown.refusedChoice ?? '' };
    case 'noLine':
      return { outcome: 'noLine', decision: shown, message: shown.reasons.at(-1) ?? '' };
    case 'notPlaced':
      return { outcome: 'notPlaced', decision: shown, message: result.message };
  }
}
