/**
 * The portal's "default number for outgoing calls" (telephony settings) and a user's own choice of default app:
 * ONEXTERNALCALLSTART goes only to the app chosen there (on-external-call-start.md).
 */
import type { Portal } from './types';

/** The app's id on the portal (app.info ID): the emulator hosts one app. */
export const APP_ID = 1;
/** The value the portal stores when the default outgoing line is a REST app's: REST_APP:<app id>. */
export const APP_LINE = `REST_APP:${APP_ID}`;

export function isAppDefaultLine(portal: Portal, userId: number | undefined): boolean {
  const own = userId === undefined ? undefined : portal.userDefaultLines.get(userId);
  return (own ?? portal.defaultLine) === APP_LINE;
}

/**
 * The portal's own lines as voximplant.line.get lists them (voximplant-line-get.md: rented numbers, cloud "reg…" and
 * office "sip…" SIP lines). A REST app's line is not among them, so voximplant.line.outgoing.set cannot choose it —
 * the admin does that in the telephony settings.
 */
export const PORTAL_LINES: Record<string, string> = {
  reg150907: 'SIP line',
  sip7: 'Office PBX 1',
  reg151083: 'Облачная АТС (9)',
  sip11: 'Офисная АТС (11)',
  reg151085: 'SIP line 2',
};

export function isPortalLine(line: string): boolean {
  return Object.hasOwn(PORTAL_LINES, line);
}

export function setDefaultLine(portal: Portal, line: string, userId?: number): void {
  if (userId === undefined) portal.defaultLine = line;
  else portal.userDefaultLines.set(userId, line);
}
