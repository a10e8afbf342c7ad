import { loadClientManagerExtension } from '../bitrix24/users/find-client-manager-extension';
import { createBackgroundCache } from '../cache/create-background-cache';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { log } from '../log/log';
import { findRoutingPortal } from '../portals/find-routing-portal';
import { TEXT, type DialplanAnswer } from './answer-dialplan-request';
import { authoriseDialplanPeer } from './authorise-dialplan-peer';
import { decideIncomingTarget } from './decide-incoming-target';

export type IncomingRequest = {
  /** The caller's number (digits). */
  number: string;
  portal?: string;
  secret?: string | null;
  fromLoopback?: boolean;
  /** Extensions on a call right now (the AMI call tracking's, or what the app sent the dialplan process). */
  readBusyExtensions: () => readonly string[];
};

/** A manager change in the CRM reaches the dialplan within this; a caller's first call is always a miss (queue). */
const TTL_MS = 10 * 60_000;
const MAX_CALLERS = 100_000;
const holder = globalThis as typeof globalThis & {
  __clientManagers?: ReturnType<typeof createBackgroundCache<{ portalId: number; number: string }, string | null>>;
};
const managers = (holder.__clientManagers ??= createBackgroundCache({
  ttlMs: TTL_MS,
  maxEntries: MAX_CALLERS,
  load: (key: { portalId: number; number: string }) => loadClientManagerExtension(getDb(), key),
  keyOf: (key) => `${key.portalId}/${key.number}`,
  onError: (error) => log.warn("dialplan: the caller's manager could not be looked up", { error }),
}));

/**
 * Who takes an incoming call first (GET /api/asterisk/incoming?number=…): the client's manager's extension, or
 * `queue` (decideIncomingTarget). Answered from memory only — the manager comes from a cache refreshed in the
 * background from Bitrix24 — so it never waits on Bitrix24; the same access rule as desk-phone routing.
 */
export async function answerIncomingRequest(request: IncomingRequest): Promise<DialplanAnswer> {
  try {
    authoriseDialplanPeer({ secret: request.secret, fromLoopback: request.fromLoopback === true });
    const number = request.number.replace(/\D/g, '');
    if (number.length < 5 || number.length > 15) throw new AppError('INVALID_INPUT', 'number: 5 to 15 digits');
    const portalId = await findRoutingPortal({ memberId: request.portal, db: getDb() });
    const target = decideIncomingTarget({
      manager: managers.peek({ portalId, number }),
      busyExtensions: request.readBusyExtensions(),
    });
    return { status: 200, contentType: TEXT, body: target.answer };
  } catch (error) {
    if (!AppError.is(error)) throw error;
    log.warn('dialplan: incoming request refused', { status: error.status, code: error.code, message: error.message });
    return { status: error.status, contentType: TEXT, body: `ERROR ${error.code}` };
  }
}
