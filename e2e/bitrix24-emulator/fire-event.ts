/**
 * Delivers an event to the app the way Bitrix24's queue does (reference §2.4): a form-encoded POST with bracket keys,
 * once, no retries; nothing at all while the installer has not finished (§2.5).
 */
import { encodeBracketParams } from './bracket-params';
import type { EmulatorState } from './emulator-state';
import { describeTokens, findPortal, issueTokens } from './emulator-state';

export type FireEventOptions = {
  /** Deliver to this URL instead of the handlers bound with event.bind (install/uninstall callbacks). */
  handler?: string;
  /** User whose tokens go into `auth`; default: the handler's auth_type, else the first admin. */
  userId?: number;
  /** `false` = no tokens, as when a robot or workflow triggered the event. */
  withTokens?: boolean;
};

export type Delivery = { handler: string; status: number; body: string; error?: string };

const EVENTS_WITH_REFRESH_TOKEN = ['ONAPPINSTALL', 'ONOFFLINEEVENT'];

export async function fireEvent(
  state: EmulatorState,
  portalKey: string,
  event: string,
  data: Record<string, unknown>,
  options: FireEventOptions = {},
): Promise<Delivery[]> {
  const portal = findPortal(state, portalKey);
  const name = event.toUpperCase();
  if (!portal.installed && name !== 'ONAPPINSTALL') return [];
  const targets = options.handler
    ? [{ handler: options.handler, auth_type: options.userId ?? 0, id: 0 }]
    : portal.events
        .map((item, index) => ({ ...item, id: index + 1 }))
        .filter((item) => item.event === name && item.offline === 0);
  const deliveries: Delivery[] = [];
  for (const target of targets) {
    const base = {
      domain: portal.domain,
      client_endpoint: `${state.url}/rest/`,
      server_endpoint: `${state.url}/rest/`,
      member_id: portal.memberId,
      application_token: portal.applicationToken,
    };
    let auth: Record<string, string> = base;
    if (name !== 'ONAPPUNINSTALL' && options.withTokens !== false) {
      const admin = portal.users.find((user) => user.ADMIN === true) ?? portal.users[0];
      const userId = options.userId ?? (target.auth_type || admin?.ID || 1);
      const all = describeTokens(state, portal, issueTokens(state, portal.memberId, userId));
      const { refresh_token: _refreshToken, ...withoutRefresh } = all;
      auth = EVENTS_WITH_REFRESH_TOKEN.includes(name) ? all : withoutRefresh;
    }
    const body = encodeBracketParams({
      event: name,
      event_handler_id: String(target.id),
      data,
      ts: String(Math.floor(Date.now() / 1000)),
      auth,
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
