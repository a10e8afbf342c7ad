import { createHash } from 'node:crypto';
import type { Db, Prisma } from '../db/client';
import type { RouteDecision, TrunkChoice } from '../routing/decide-route';
import { QUEUED_STATUS } from './queued-call';

export type OutgoingCallOrigin = 'click_to_call' | 'callback';

export type ClaimCallJournalRowOptions = {
  db: Db;
  linkedId: string;
  portalId: number;
  pbxName: string;
  origin: OutgoingCallOrigin;
  extension: string;
  userId: number | null;
  /** The decision actually dialled, with its line. */
  decision: RouteDecision & { trunk: TrunkChoice };
  requestedLine: string | null;
  b24CallId: string | null;
  startedAt: Date;
  /** The client's extension dialled after the answer; a callback's TEXT/VOICE for the manager. */
  dialExtension?: string | null;
  managerText?: string | null;
  managerVoice?: string | null;
};

/**
 * The journal key of the call placed for a Bitrix24 CALL_ID: derived from the portal and the CALL_ID, so a second
 * delivery of the same event (by Bitrix24, or to another app instance) finds the row the first one claimed.
 */
export function linkedIdForB24Call(portalId: number, b24CallId: string): string {
  return `b24-${createHash('sha256').update(`${portalId}\n${b24CallId}`).digest('hex').slice(0, 32)}`;
}

/**
 * The journal key of a call asked for by an event without a CALL_ID (a CRM-form callback): derived from the portal
 * and the event's stable key (callbackEventKey), so a replayed delivery claims the same row and places nothing.
 */
export function linkedIdForEventKey(portalId: number, eventKey: string): string {
  return `evt-${createHash('sha256').update(`${portalId}\n${eventKey}`).digest('hex').slice(0, 32)}`;
}

/**
 * Writes an outgoing call's journal row before its Originate: the line dialled and why, the line the manager asked
 * for, the carrier, the Bitrix24 call and user. The row's unique linkedId is the claim: false when it exists already
 * (that call was placed before), so a replayed event never dials twice, whichever instance it reaches.
 */
export async function claimCallJournalRow(options: ClaimCallJournalRowOptions): Promise<boolean> {
  const { db, decision } = options;
  const data = {
    linkedId: options.linkedId,
    portalId: options.portalId,
    pbxName: options.pbxName,
    direction: 'outbound',
    origin: options.origin,
    status: 'started',
    extension: options.extension,
    userId: options.userId,
    number: decision.number.e164,
    carrierInn: decision.carrier?.inn ?? null,
    carrierSource: decision.carrier?.source ?? 'unknown',
    trunkId: Number(decision.trunk.id),
    trunkName: decision.trunk.name,
    requestedLine: options.requestedLine,
    decision: JSON.parse(JSON.stringify(decision)) as Prisma.InputJsonValue,
    b24CallId: options.b24CallId,
    // Bitrix24 registered a click-to-call itself (its CALL_ID); a callback or a redial is not in its CRM.
    registered: options.b24CallId !== null,
    registrationReason: options.origin,
    startedAt: options.startedAt,
    dialExtension: options.dialExtension ?? null,
    managerText: options.managerText ?? null,
    managerVoice: options.managerVoice ?? null,
  };
  // A click-to-call stored before its event was answered (queueEventCall) is taken over by exactly one placer.
  const { linkedId, ...rest } = data;
  const fromQueue = await db.call.updateMany({ where: { linkedId, status: QUEUED_STATUS }, data: rest });
  if (fromQueue.count === 1) return true;
  return db.call.create({ data, select: { id: true } }).then(
    () => true,
    (error: { code?: string }) => {
      if (error.code === 'P2002') return false;
      throw error;
    },
  );
}
