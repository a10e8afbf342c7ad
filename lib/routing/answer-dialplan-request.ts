import { timingSafeEqual } from 'node:crypto';
import { getConfig } from '../config/load-config';
import { AppError } from '../errors/app-error';
import { pickLang } from '../i18n/lang';
import { findRoutingPortal } from '../portals/find-routing-portal';
import { routeCall } from './route-call';
import { renderReason } from './route-reasons';

export type DialplanRequest = {
  number: string;
  ext?: string;
  line?: string;
  portal?: string;
  secret?: string | null;
  json: boolean;
  lang?: string;
  /** True only when the transport proved the peer is on this machine (the dedicated listener checks the socket). */
  fromLoopback?: boolean;
};

/** What Asterisk's dialplan reads: the endpoint name to dial, or NO_ROUTE when every allowed line is busy/capped. */
export const NO_ROUTE = 'NO_ROUTE';

/**
 * The dialplan endpoint's logic. Plain text is for `${CURL()}`: one token the dialplan validates before use (anything
 * else — an error text, a timeout — makes it fall back to the default trunk). JSON carries the reasons for people.
 * Access: a peer on this machine (proved by the dedicated listener's socket) or the shared secret. Through Next.js the
 * secret is always required: there the caller's address cannot be trusted (x-forwarded-for is only set when absent).
 */
export async function answerDialplanRequest(request: DialplanRequest): Promise<Response> {
  try {
    authorise(request.secret, request.fromLoopback === true);
    const portalId = await findRoutingPortal({ memberId: request.portal });
    const decision = await routeCall({ portalId, number: request.number, extension: request.ext, requestedLine: request.line });
    const target = decision.trunk?.dialTarget ?? NO_ROUTE;
    if (!request.json) return new Response(target, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const lang = pickLang(request.lang);
    return Response.json({ target, ...decision, reasonsText: decision.reasons.map((r) => renderReason(r, lang)) });
  } catch (error) {
    if (!AppError.is(error)) throw error;
    const body = request.json ? JSON.stringify({ error: error.code, message: error.message, fields: error.fields }) : `ERROR ${error.code}`;
    return new Response(body, { status: error.status, headers: { 'Content-Type': request.json ? 'application/json' : 'text/plain; charset=utf-8' } });
  }
}

function authorise(given: string | null | undefined, fromLoopback: boolean): void {
  if (fromLoopback) return;
  const expected = getConfig().DIALPLAN_SECRET;
  if (!expected) throw new AppError('UNAVAILABLE', 'The dialplan endpoint is off: set DIALPLAN_SECRET');
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('UNAUTHORIZED', 'Bad or missing dialplan secret');
}
