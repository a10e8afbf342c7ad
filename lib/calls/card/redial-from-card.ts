import { getAmiManager } from '../../asterisk/get-ami-managers';
import { placeCallThroughPbx } from '../../bitrix24/events/call-placer';
import { getConfig } from '../../config/load-config';
import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { Lang } from '../../i18n/lang';
import type { RouteDecision } from '../../routing/decide-route';
import { routeCall } from '../../routing/route-call';
import { placeClickToCall } from '../place-click-to-call';
import { getCallTracking } from '../start-call-tracking';
import { presentRouteDecision, type CardDecision } from './present-route-decision';
import { readLiveSimLoad } from '../read-live-sim-load';

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
};

export type RedialOutcome =
  | { outcome: 'placed'; decision: CardDecision; linkedId: string }
  /** The manager's line was refused (not theirs, unknown, disabled): nothing dialled, the reason says why. */
  | { outcome: 'refused'; decision: CardDecision; message: string }
  | { outcome: 'noLine'; decision: CardDecision; message: string }
  /** Routed, handed to the PBX, and the PBX side could not place it (no AMI connection, originate failed). */
  | { outcome: 'notPlaced'; decision: CardDecision; message: string };

const NO_EXTENSION = 'У вас нет внутреннего номера в Битрикс24 (UF_PHONE_INNER) — звонить не с чего / You have no extension (UF_PHONE_INNER) in Bitrix24 to call from';

/**
 * The card's "call again": the routing decision with the manager's manual line, then the same click-to-call path
 * Bitrix24's ONEXTERNALCALLSTART takes (placeClickToCall on this server's AMI connection, else the call-placer seam).
 */
export async function redialFromCard(options: RedialFromCardOptions): Promise<RedialOutcome> {
  const { db, portalId, extension, number, lang } = options;
  if (!extension) throw new AppError('FORBIDDEN', NO_EXTENSION);
  const requestedLine = options.line?.trim() || null;
  const load = await readLiveSimLoad(db, portalId);
  const decision = await routeCall({ db, portalId, number, extension, requestedLine, occupancy: load?.occupancy, usage: load?.usage });
  const shown = presentRouteDecision(decision, lang);
  if (requestedLine && shown.refusedChoice) return { outcome: 'refused', decision: shown, message: shown.refusedChoice };
  if (!decision.trunk) return { outcome: 'noLine', decision: shown, message: shown.reasons.at(-1) ?? '' };
  const trunkRow = await db.trunk.findFirst({ where: { portalId, lineNumber: decision.trunk.lineNumber }, select: { id: true, pbxName: true } });
  try {
    if (load) {
      // Routes again with the load of this very moment and originates; the journal row carries that decision.
      const placed = await placeClickToCall({
        db, portalId, extension, number: decision.number.e164, requestedLine, callId: null,
        manager: getAmiManager(pickPbx(trunkRow?.pbxName)), tracking: getCallTracking(pickPbx(trunkRow?.pbxName)),
      });
      return { outcome: 'placed', decision: presentRouteDecision(placed.decision, lang), linkedId: placed.linkedId };
    }
    const placed = await placeCallThroughPbx({
      portalId, b24CallId: null, origin: 'click_to_call', extension, number: decision.number.e164, requestedLine,
      trunk: { id: trunkRow?.id ?? Number(decision.trunk.id), name: decision.trunk.name, dialTarget: decision.trunk.dialTarget, lineNumber: decision.trunk.lineNumber },
      pbxName: trunkRow?.pbxName ?? 'main',
    });
    await journalPlacedCall(db, { portalId, linkedId: placed.linkedId, extension, b24UserId: options.b24UserId, decision, trunkId: trunkRow?.id ?? null, requestedLine });
    return { outcome: 'placed', decision: shown, linkedId: placed.linkedId };
  } catch (error) {
    if (!AppError.is(error)) throw error;
    return { outcome: 'notPlaced', decision: shown, message: error.message };
  }
}

/** The trunk's PBX when it is configured by that name; else the only PBX (a single-PBX install keeps the default "main"). */
function pickPbx(trunkPbx: string | undefined): string | undefined {
  const pbxes = getConfig().pbxes;
  if (trunkPbx && pbxes.some((pbx) => pbx.name === trunkPbx)) return trunkPbx;
  return pbxes.length === 1 ? pbxes[0]!.name : undefined;
}

type JournalPlacedCall = { portalId: number; linkedId: string; extension: string; b24UserId: number | null; decision: RouteDecision; trunkId: number | null; requestedLine: string | null };

/** As the ONEXTERNALCALLSTART handler does after a placer answers: the call's row says which line and why. */
async function journalPlacedCall(db: Db, call: JournalPlacedCall): Promise<void> {
  const user = call.b24UserId ? await db.user.findUnique({ where: { portalId_b24UserId: { portalId: call.portalId, b24UserId: call.b24UserId } }, select: { id: true } }) : null;
  const fields = { requestedLine: call.requestedLine, trunkName: call.decision.trunk?.name ?? null, decision: JSON.parse(JSON.stringify(call.decision)) as object };
  await db.call.upsert({
    where: { linkedId: call.linkedId },
    create: {
      portalId: call.portalId, linkedId: call.linkedId, direction: 'outbound', origin: 'click_to_call', extension: call.extension, userId: user?.id,
      number: call.decision.number.e164, trunkId: call.trunkId, carrierInn: call.decision.carrier?.inn ?? null, carrierSource: call.decision.carrier?.source ?? 'unknown', ...fields,
    },
    update: fields,
  });
}
