/** How the portal's default outgoing line relates to this app (on-external-call-start.md). */
export type DefaultLineState =
  /** Ours: CRM clicks reach the app as ONEXTERNALCALLSTART. */
  | 'ours'
  /** Another REST app's line: clicks go to that app. */
  | 'otherApp'
  /** A Bitrix24 line (rented number, cloud or office SIP): clicks are dialled by Bitrix24 itself. */
  | 'portalLine'
  /** Bitrix24 did not tell (no right to read it, an answer we do not understand). */
  | 'unknown';

export type DefaultLineStatus = { state: DefaultLineState; line: string | null };

const REST_APP_PREFIX = 'REST_APP:';

/** What the portal stores as the default line when it is a REST app's: `REST_APP:<app.info ID>`. */
export const restAppLineId = (appId: string | number): string => `${REST_APP_PREFIX}${appId}`;

/**
 * Reads voximplant.line.outgoing.get's answer (voximplant-line-outgoing-get.md: a line id string) against our app as
 * app.info names it. The docs do not show the id of a REST app's line; the portal writes `REST_APP:` and the app's
 * id, so both app.info's ID and its CODE (the client id) are taken as ours.
 */
export function classifyDefaultLine(line: unknown, appIds: unknown[]): DefaultLineStatus {
  if (typeof line !== 'string' || line.length === 0 || line.length > 100) return { state: 'unknown', line: null };
  if (!line.startsWith(REST_APP_PREFIX)) return { state: 'portalLine', line };
  const ours = appIds
    .filter((id) => (typeof id === 'number' || typeof id === 'string') && String(id) !== '')
    .map((id) => restAppLineId(String(id)));
  if (ours.length === 0) return { state: 'unknown', line };
  return { state: ours.includes(line) ? 'ours' : 'otherApp', line };
}
