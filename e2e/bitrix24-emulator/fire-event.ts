/**
 * Delivers an event to the app the way Bitrix24's queue does: a form-encoded POST with bracket keys, once, no
 * retries; nothing at all while the installer has not finished (installation-finish.md), and ONEXTERNALCALLSTART
 * only when the app owns the default outgoing line (on-external-call-start.md).
 */
import { encodeBracketParams } from './bracket-params';
import type { EmulatorState } from './emulator-state';
import { ACCESS_TOKEN_TTL_SECONDS, findPortal, issueTokens } from './emulator-state';
import type { Portal } from './types';
import { isAppDefaultLine } from './default-line';

export type FireEventOptions = {
  /** Deliver to this URL instead of the handlers bound with event.bind (install/uninstall callbacks). */
  handler?: string;
  /** User whose tokens go into `auth`; default: the handler's auth_type, else the first admin. */
  userId?: number;
  /** `false` = no tokens: no user is behind the hit (a CRM form's visitor, a robot). */
  withTokens?: boolean;
};

export type Delivery = { handler: string; status: number; body: string; error?: string };

/** The scope an event happens in (`auth[scope]`); install and update carry all granted scopes, space-separated. */
const EVENT_SCOPES: Record<string, string> = { ONEXTERNALCALLSTART: 'telephony', ONEXTERNALCALLBACKSTART: 'telephony' };
const ALL_SCOPE_EVENTS = ['ONAPPINSTALL', 'ONAPPUPDATE'];

/**
 * `auth` as the event pages' samples show it (auth-params-in-events.md): tokens with refresh_token and expires_in,
 * never user_id or expires; without a user only the portal's keys; ONAPPUNINSTALL without scope and status.
 */
export function describeEventAuth(
  state: EmulatorState,
  portal: Portal,
  event: string,
  userId: number | undefined,
): Record<string, string> {
  const base = {
    domain: portal.domain,
    server_endpoint: `${state.url}/rest/`,
    client_endpoint: `${state.url}/rest/`,
    member_id: portal.memberId,
    application_token: portal.applicationToken,
  };
  if (event === 'ONAPPUNINSTALL') return base;
  const scope = ALL_SCOPE_EVENTS.includes(event)
    ? portal.scope.join(' ')
    : (EVENT_SCOPES[event] ?? portal.scope.join(' '));
  const withScope = { ...base, scope, status: portal.status };
  if (userId === undefined) return withScope;
  const tokens = issueTokens(state, portal.memberId, userId);
  return {
    access_token: tokens.accessToken,
    expires_in: String(ACCESS_TOKEN_TTL_SECONDS),
    ...withScope,
    refresh_token: tokens.refreshToken,
  };
}

export async function fireEvent(
  state: EmulatorState,
  portalKey: string,
  event: string,
  data: Record<string, unknown>,
  options: FireEventOptions = {},
): Promise<Delivery[]> {
  const portal = findPortal(state, portalKey);
  const name = event.toUpperCase();
  if (!portal.installed) return [];
  if (name === 'ONEXTERNALCALLSTART' && !isAppDefaultLine(portal, Number(data.USER_ID) || options.userId)) return [];
  const targets = options.handler
    ? [{ handler: options.handler, auth_type: options.userId ?? 0, id: 0 }]
    : portal.events
        .map((item, index) => ({ ...item, id: index + 1 }))
        .filter((item) => item.event === name && item.offline === 0);
  const deliveries: Delivery[] = [];
  for (const target of targets) {
    const admin = portal.users.find((user) => user.ADMIN === true) ?? portal.users[0];
    const userId = options.withTokens === false ? undefined : (options.userId ?? (target.auth_type || admin?.ID || 1));
    // Install and uninstall callbacks go to the app's own URL, not to a bound handler: no event_handler_id.
    const body = encodeBracketParams({
      event: name,
      ...(options.handler ? {} : { event_handler_id: String(target.id) }),
      data,
      ts: String(Math.floor(Date.now() / 1000)),
      auth: describeEventAuth(state, portal, name, userId),
    });
    deliveries.push(await postEvent(target.handler, body));
  }
  return deliveries;
}

async function postEvent(handler: string, body: string): Promise<Delivery> {
  try {
    const response = await fetch(handler, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Bitrix24 Webhook Engine' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { handler, status: response.status, body };
  } catch (error) {
    return { handler, status: 0, body, error: error instanceof Error ? error.message : String(error) };
  }
}
