import { DIALS_SEPARATOR } from '../calls/build-originate-action';
import type { LiveSimLoad } from '../calls/read-live-sim-load';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { pickLang } from '../i18n/lang';
import { findRoutingPortal } from '../portals/find-routing-portal';
import { dialTemplateLine, renderDialString } from '../routing/dial-template/check-dial-template';
import { routeCall } from '../routing/route-call';
import { peekSimReservations, processSimReservations } from '../routing/sim-reservations';
import { getRoutingContext } from '../routing/settings/get-routing-context';
import { renderReason } from '../routing/route-reasons';
import { issueRecordingTokenAnywhere } from '../calls/recording';
import { authoriseDialplanPeer } from './authorise-dialplan-peer';
import { log } from '../log/log';

export type DialplanRequest = {
  number: string;
  ext?: string;
  line?: string;
  portal?: string;
  secret?: string | null;
  json: boolean;
  /** format=dial: answer the whole dial string (B24_DIAL) instead of the line's endpoint. */
  dial?: boolean;
  /** format=dials: the first choice, then the fallbacks, each a whole dial string, joined by DIALS_SEPARATOR. */
  dials?: boolean;
  /** format=record&call=<Linkedid>: answer the call's recording upload token, or NO_RECORD (lib/calls/recording). */
  record?: { linkedId: string };
  lang?: string;
  /** True only when the transport proved the peer is on this machine (the dedicated listener checks the socket). */
  fromLoopback?: boolean;
  /** Where the live SIM load comes from: this process's tracking (readLiveSimLoad), or what the app sent. */
  readSimLoad: ReadSimLoad;
};

export type ReadSimLoad = (db: Db, portalId: number) => Promise<LiveSimLoad | null>;

/** A plain answer, not a web Response: the dedicated listener writes it straight to the socket (no stream). */
export type DialplanAnswer = { status: number; contentType: string; body: string };

/** The content type of every plain-text answer (the dialplan's target, or an error token). */
export const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json';

/** What Asterisk's dialplan reads when every allowed line is busy or capped. */
export const NO_ROUTE = 'NO_ROUTE';
/** What the dialplan reads when the call must not be recorded. */
export const NO_RECORD = 'NO_RECORD';
const LINKED_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The dialplan endpoint's logic. Plain text is for `${CURL()}`: one token the dialplan validates before use (anything
 * else — an error text, a timeout — makes it fall back to the default trunk). JSON carries the reasons for people.
 * Access: a peer on this machine (proved by the dedicated listener's socket) or the shared secret. Through Next.js the
 * secret is always required: there the caller's address cannot be trusted (x-forwarded-for is only set when absent).
 */
export async function answerDialplanRequest(request: DialplanRequest): Promise<DialplanAnswer> {
  try {
    authoriseDialplanPeer({ secret: request.secret, fromLoopback: request.fromLoopback === true });
    const db = getDb();
    const portalId = await findRoutingPortal({ memberId: request.portal, db });
    if (request.record) return await answerRecordRequest(db, portalId, request, request.record.linkedId);
    // The same live SIM load a click-to-call sees: a desk phone must not take a busy SIM or one over its caps either.
    const load = await request.readSimLoad(db, portalId);
    const decision = await routeCall({
      portalId,
      db,
      number: request.number,
      extension: request.ext,
      requestedLine: request.line,
      occupancy: load?.occupancy,
      usage: load?.usage,
      unreachable: load?.unreachable,
      // The dial strings (format=dials, what the drop-in asks for and dials at once; format=dial from older drop-ins)
      // name the SIM, so they hold it. The endpoint alone cannot name a SIM, and JSON is for people: both see the held
      // SIMs and hold none. Without a live load (no PBX configured) nothing would release a reservation early.
      reservations: load
        ? (request.dial || request.dials) && !request.json
          ? processSimReservations()
          : peekSimReservations()
        : undefined,
    });
    // No line set up at all (a fresh install): not "every line is busy" — let the dialplan use its own default trunk.
    if (!decision.trunk && !(await hasEnabledTrunk(db, portalId)))
      throw new AppError('UNAVAILABLE', 'No lines are set up yet: the dialplan uses its default trunk');
    // Two answers: the line's endpoint (target: what a drop-in dials as PJSIP/<number>@<target>), and the whole dial
    // string (dial: PJSIP/79151234567@Beeline-GoIP, SIP/beeline/79…), which any technology's dialplan can Dial().
    const trunk = decision.trunk;
    const target = (trunk && dialTemplateLine(trunk.dial)) ?? NO_ROUTE;
    const dial = trunk ? renderDialString(trunk.dial, decision.number.e164) : NO_ROUTE;
    // The lines for the dialplan to try in order when the gateway cannot carry the call (lib/routing/failover).
    const dials = trunk
      ? [trunk, ...decision.fallbacks].map((choice) => renderDialString(choice.dial, decision.number.e164))
      : [];
    if (!request.json) {
      const text = request.dials ? dials.join(DIALS_SEPARATOR) || NO_ROUTE : request.dial ? dial : target;
      return { status: 200, contentType: TEXT, body: text };
    }
    const lang = pickLang(request.lang);
    const reasonsText = decision.reasons.map((r) => renderReason(r, lang));
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: JSON.stringify({ target, dial, dials, ...decision, reasonsText }),
    };
  } catch (error) {
    if (!AppError.is(error)) throw error;
    // One line per refused call and no stack: a setup problem (several portals, one not installed) repeats on every
    // call, and the message is all the admin needs. JSON-quoted: it may carry a portal name from the request.
    log.warn('dialplan: request refused', { status: error.status, code: error.code, message: error.message });
    const body = request.json
      ? JSON.stringify({ error: error.code, message: error.message, fields: error.fields })
      : `ERROR ${error.code}`;
    return { status: error.status, contentType: request.json ? JSON_TYPE : TEXT, body };
  }
}

async function answerRecordRequest(db: Db, portalId: number, request: DialplanRequest, linkedId: string) {
  if (!LINKED_ID.test(linkedId)) throw new AppError('INVALID_INPUT', "call must be the channel's Linkedid");
  const token = await issueRecordingTokenAnywhere(db, {
    portalId,
    number: request.number,
    extension: request.ext,
    linkedId,
  });
  return { status: 200, contentType: TEXT, body: token ?? NO_RECORD };
}

async function hasEnabledTrunk(db: Db, portalId: number): Promise<boolean> {
  const { compiled } = await getRoutingContext({ portalId, db });
  for (const trunk of compiled.trunkById.values()) if (trunk.enabled) return true;
  return false;
}
