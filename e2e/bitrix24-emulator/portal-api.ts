/**
 * Same-origin endpoints the emulated portal page (portal-page/parent.js) uses: open a session for a user,
 * refresh the frame's auth, and apply parent-side commands (options, install finish). Not part of Bitrix24's REST,
 * so they are not recorded in `calls`.
 */
import type { EmulatorState } from './emulator-state';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  findPortal,
  findUser,
  issueTokens,
  randomHex,
  refreshTokens,
} from './emulator-state';

export type PortalApiOutcome = { status: number; body: unknown };

function frameAuth(record: { accessToken: string; refreshToken: string }) {
  return { AUTH_ID: record.accessToken, AUTH_EXPIRES: ACCESS_TOKEN_TTL_SECONDS, REFRESH_ID: record.refreshToken };
}

function openSession(state: EmulatorState, body: Record<string, unknown>): PortalApiOutcome {
  const portalKey = typeof body.portal === 'string' && body.portal ? body.portal : [...state.portals.keys()][0];
  if (!portalKey) return { status: 404, body: { error: 'no portal' } };
  const portal = findPortal(state, portalKey);
  const user = findUser(portal, Number(body.user ?? 1));
  const tokens = issueTokens(state, portal.memberId, user.ID);
  // FIRST_RUN is per user: true on the first open of the app by this user, whoever installed it.
  const firstRun = !portal.openedBy.has(user.ID);
  portal.openedBy.add(user.ID);
  return {
    status: 200,
    body: {
      appUrl: state.appUrl,
      appSid: randomHex(16),
      memberId: portal.memberId,
      isAdmin: user.ADMIN === true,
      installed: portal.installed,
      firstRun,
      lang: typeof body.lang === 'string' && body.lang ? body.lang : portal.lang,
      applicationToken: portal.applicationToken,
      scope: portal.scope.join(','),
      status: portal.status,
      serverEndpoint: `${state.url}/rest/`,
      appOptions: portal.appOptions,
      userOptions: portal.userOptions.get(user.ID) ?? {},
      user: { id: user.ID, name: `${user.NAME} ${user.LAST_NAME ?? ''}`.trim() },
      users: portal.users.map((item) => ({ id: String(item.ID), name: `${item.NAME} ${item.LAST_NAME ?? ''}`.trim() })),
      ...frameAuth(tokens),
    },
  };
}

function applyCommand(state: EmulatorState, body: Record<string, unknown>): PortalApiOutcome {
  const token = state.tokens.get(String(body.auth ?? ''));
  if (!token) return { status: 401, body: { error: 'unknown session' } };
  const portal = findPortal(state, token.memberId);
  const user = findUser(portal, token.userId);
  const params = (body.params ?? {}) as { name?: string; value?: unknown };
  switch (body.command) {
    case 'setAppOption':
      // The real portal only executes this for admins and never answers otherwise.
      if (user.ADMIN !== true) return { status: 403, body: { error: 'ACCESS_DENIED' } };
      if (params.name) portal.appOptions[params.name] = params.value;
      return { status: 200, body: { ok: true } };
    case 'setUserOption':
      if (params.name) {
        portal.userOptions.set(user.ID, { ...(portal.userOptions.get(user.ID) ?? {}), [params.name]: params.value });
      }
      return { status: 200, body: { ok: true } };
    case 'setInstallFinish':
      portal.installed = true;
      return { status: 200, body: { ok: true } };
    default:
      return { status: 400, body: { error: 'unknown command' } };
  }
}

/**
 * The call cards the session's user sees now: what telephony.externalCall.register (SHOW), .show and .hide left
 * shown to them (api-reference/telephony/telephony-external-call-show.md, -hide.md); `finish` closes the card.
 */
function shownCards(state: EmulatorState, body: Record<string, unknown>): PortalApiOutcome {
  const token = state.tokens.get(String(body.auth ?? ''));
  if (!token) return { status: 401, body: { error: 'unknown session' } };
  const portal = findPortal(state, token.memberId);
  const cards = portal.calls
    .filter((call) => !call.statistic && call.shownTo.includes(token.userId))
    .map((call) => ({
      CALL_ID: call.CALL_ID,
      PHONE_NUMBER: call.PHONE_NUMBER,
      TYPE: call.TYPE,
      LINE_NUMBER: call.LINE_NUMBER,
      CRM_ENTITY_TYPE: call.CRM_ENTITY_TYPE,
      CRM_ENTITY_ID: call.CRM_ENTITY_ID,
    }));
  return { status: 200, body: { cards } };
}

export function answerPortalApi(state: EmulatorState, action: string, body: Record<string, unknown>): PortalApiOutcome {
  if (action === 'session') return openSession(state, body);
  if (action === 'command') return applyCommand(state, body);
  if (action === 'cards') return shownCards(state, body);
  if (action === 'refresh') {
    const record = refreshTokens(state, String(body.refreshId ?? ''));
    return record ? { status: 200, body: frameAuth(record) } : { status: 401, body: { error: 'invalid_grant' } };
  }
  return { status: 404, body: { error: 'not found' } };
}
