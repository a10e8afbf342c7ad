/**
 * `/oauth/token/` like the OAuth server oauth.bitrix24.tech (settings/oauth/auto-renewal.md): a refresh gives a new
 * pair and burns the old refresh token; `domain` is the OAuth server's own, never the portal's.
 */
import type { EmulatorState } from './emulator-state';
import { ACCESS_TOKEN_TTL_SECONDS, findPortal, refreshTokens } from './emulator-state';

export type OAuthOutcome = { status: number; body: Record<string, unknown> };

/** What auto-renewal.md's answer names as `domain`: the OAuth server, whatever portal the token belongs to. */
export const OAUTH_SERVER_DOMAIN = 'oauth.bitrix24.tech';

export function answerOAuthToken(state: EmulatorState, params: Record<string, unknown>): OAuthOutcome {
  const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : '');
  const grantType = text('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
  if (text('client_id') !== state.clientId || text('client_secret') !== state.clientSecret) {
    return oauthError(401, 'invalid_client', 'Invalid client credentials');
  }
  if (grantType !== 'refresh_token') return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type');
  const record = refreshTokens(state, text('refresh_token'));
  if (!record) return oauthError(400, 'invalid_grant', 'Invalid refresh token');
  const portal = findPortal(state, record.memberId);
  return {
    status: 200,
    body: {
      access_token: record.accessToken,
      expires: Math.floor(record.expiresAt / 1000),
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      scope: portal.scope.join(','),
      domain: OAUTH_SERVER_DOMAIN,
      server_endpoint: `${state.url}/rest/`,
      status: portal.status,
      client_endpoint: `${state.url}/rest/`,
      member_id: portal.memberId,
      user_id: record.userId,
      refresh_token: record.refreshToken,
    },
  };
}

function oauthError(status: number, error: string, description: string): OAuthOutcome {
  return { status, body: { error, error_description: description } };
}
