import { placeCallOnConnectedPbx } from '../../calls/place-call-on-connected-pbx';
import { getDb } from '../../db/client';
import { readBracketString, type BracketTree } from '../parse-bracket-body';
import type { EventDependencies, EventHandler, EventOutcome } from './event-context';
import { handleAppInstall } from './handle-app-install';
import { handleAppUninstall } from './handle-app-uninstall';
import { handleAppUpdate } from './handle-app-update';
import { handleExternalCallStart } from './handle-external-call-start';
import { handleExternalCallbackStart } from './handle-external-callback-start';
import { verifyApplicationToken } from './verify-application-token';
import { log as logLine } from '../../log/log';

/** The events we act on. Anything else the portal sends (after a good token) gets 200 and is dropped. */
export const EVENT_HANDLERS: Record<string, EventHandler> = {
  ONAPPUNINSTALL: handleAppUninstall,
  ONEXTERNALCALLSTART: handleExternalCallStart,
  ONEXTERNALCALLBACKSTART: handleExternalCallbackStart,
};

export type ReceiveB24EventOptions = { body: BracketTree } & Partial<EventDependencies>;

/**
 * Verify first, then dispatch. A refused event is answered 401 having only read the portal row. An authentic event we
 * don't handle gets 200 `{ignored}` rather than an error: Bitrix24 never retries, and a handler answering errors is
 * throttled and can be unbound — the allowlist is our filter, not the sender's fault.
 */
export async function receiveB24Event(options: ReceiveB24EventOptions): Promise<EventOutcome> {
  const {
    body,
    db = getDb(),
    placeCall = placeCallOnConnectedPbx,
    log = (line: string) => logLine.warn(line),
  } = options;
  const event = readBracketString(body, 'event').toUpperCase();
  // Install and update carry a token nothing stored can vouch for: each proves an admin through the OAuth server.
  if (event === 'ONAPPINSTALL') return handleAppInstall(body, db);
  if (event === 'ONAPPUPDATE') return handleAppUpdate(body, db);
  const portal = await verifyApplicationToken({
    db,
    memberId: readBracketString(body, 'auth', 'member_id'),
    applicationToken: readBracketString(body, 'auth', 'application_token'),
  });
  if (!portal) return { status: 401, body: { error: 'UNAUTHORIZED' } };
  const handler = EVENT_HANDLERS[event];
  if (!handler) return { status: 200, body: { ignored: event || 'no event' } };
  return handler({ portal, body, db, placeCall, log });
}
