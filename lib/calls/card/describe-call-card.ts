import type { Db } from '../../db/client';
import type { Lang } from '../../i18n/lang';
import type { RouteDecision } from '../../routing/decide-route';
import { routeCall } from '../../routing/route-call';
import { renderReason } from '../../routing/route-reasons';
import { getRoutingContext } from '../../routing/settings/get-routing-context';
import { dialTemplateLine } from '../../routing/dial-template/check-dial-template';
import { findCardJournalRow } from './find-card-journal-row';
import { presentDialAttempts, type DialAttemptRecord } from './present-dial-attempts';
import { listCallerLines, type CardLine } from './list-caller-lines';
import { presentRouteDecision, type CardDecision } from './present-route-decision';
import type { PbxConnections } from '../pbx-connections';
import { readLiveSimLoad } from '../read-live-sim-load';

export type DescribeCallCardOptions = {
  db: Db;
  portalId: number;
  extension: string | null;
  /** Bitrix24's CALL_ID from the placement options: finds the journal row of the call on screen. */
  callId: string | null;
  /** PHONE_NUMBER from the placement options; when missing, the journal row's number. */
  number: string | null;
  lang: Lang;
  /** The PBXes whose live SIM load the card shows; default: this process's connections. */
  ami?: PbxConnections;
};

export type CardJournalRow = {
  /** Incoming calls show the line the client called; the decision then says which line a call back would take. */
  direction: string;
  status: string;
  /** Bitrix24's STATUS_CODE as the tracker worked it out: the same value the `finish` carried. */
  b24StatusCode: string | null;
  trunkName: string | null;
  requestedLine: string | null;
  carrierSource: string | null;
  durationSec: number | null;
  talkSec: number | null;
  startedAt: string;
  /** The reasons stored with the call when it was placed. */
  reasons: string[];
  /** The client's extension dialled as DTMF after the answer (ONEXTERNALCALLSTART's EXTENSION). */
  dialExtension: string | null;
  /** What a CRM-form callback tells the manager (ONEXTERNALCALLBACKSTART's TEXT). */
  managerText: string | null;
  /** Each line the PBX tried, in order, and why it moved on (presentDialAttempts). */
  attempts: string[];
};

export type CallCardView = {
  extension: string | null;
  journal: CardJournalRow | null;
  decision: CardDecision | null;
  lines: CardLine[];
  /** False when this server has no PBX connection: busy counts are unknown. */
  liveLoad: boolean;
};

/** The PBX tries at most the first choice and three fallbacks; a bound all the same. */
const MAX_ATTEMPTS_SHOWN = 10;

function lineNamesOf(trunks: Iterable<{ dial: string; name: string }>): Map<string, string> {
  const names = new Map<string, string>();
  for (const trunk of trunks) {
    const line = dialTemplateLine(trunk.dial);
    if (line && !names.has(line)) names.set(line, trunk.name);
  }
  return names;
}

/** Everything the call card shows: what happened to this call (journal) and what routing would do for it now. */
export async function describeCallCard(options: DescribeCallCardOptions): Promise<CallCardView> {
  const { db, portalId, extension, callId, lang } = options;
  const [row, context, load] = await Promise.all([
    callId ? findCardJournalRow({ db, portalId, callId }) : null,
    getRoutingContext({ portalId, db }),
    readLiveSimLoad(db, portalId, options.ami),
  ]);
  const number = options.number?.trim() || row?.number || null;
  const attempts = row
    ? await db.callEvent.findMany({
        where: { callId: row.id, kind: 'dial_attempt' },
        orderBy: { id: 'asc' },
        take: MAX_ATTEMPTS_SHOWN,
        select: { payload: true },
      })
    : [];
  const decision = number
    ? await routeCall({
        db,
        portalId,
        number,
        extension: extension ?? undefined,
        occupancy: load?.occupancy,
        usage: load?.usage,
        unreachable: load?.unreachable,
      })
    : null;
  const stored = (row?.decision ?? null) as Pick<RouteDecision, 'reasons'> | null;
  return {
    extension,
    journal: row
      ? {
          direction: row.direction,
          status: row.status,
          b24StatusCode: row.b24StatusCode,
          trunkName: row.trunkName,
          requestedLine: row.requestedLine,
          carrierSource: row.carrierSource,
          durationSec: row.durationSec,
          talkSec: row.talkSec,
          startedAt: row.startedAt.toISOString(),
          reasons: Array.isArray(stored?.reasons) ? stored.reasons.map((reason) => renderReason(reason, lang)) : [],
          dialExtension: row.dialExtension,
          managerText: row.managerText,
          attempts: presentDialAttempts({
            attempts: attempts.map((event) => (event.payload ?? {}) as DialAttemptRecord),
            lineNames: lineNamesOf(context.compiled.trunkById.values()),
            lang,
          }),
        }
      : null,
    decision: decision ? presentRouteDecision(decision, lang) : null,
    lines: listCallerLines({ context, extension, occupancy: load?.occupancy }),
    liveLoad: load !== null,
  };
}
