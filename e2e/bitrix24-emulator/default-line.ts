/**
 * The portal's "default number for outgoing calls" (telephony settings) and a user's own choice of default app:
 * ONEXTERNALCALLSTART goes only to the app chosen there (on-external-call-start.md).
 */
import type { Portal } from './types';

/** The value the portal stores when the default outgoing line is a REST app's. */
export const APP_LINE = 'REST_APP';

export function isAppDefaultLine(portal: Portal, userId: number | undefined): boolean {
  const own = userId === undefined ? undefined : portal.userDefaultLines.get(userId);
  return (own ?? portal.defaultLine) === APP_LINE;
}

export function setDefaultLine(portal: Portal, line: string, userId?: number): void {
  if (userId === undefined) portal.defaultLine = line;
  else portal.userDefaultLines.set(userId, line);
}
