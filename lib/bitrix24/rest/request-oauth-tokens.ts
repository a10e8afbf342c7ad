import { getConfig } from '../../config/load-config';
import { AppError } from '../../errors/app-error';

export type OAuthTokens = {
  access_token: string;
  refresh_token: string;
  expires: number;
  expires_in: number;
  client_endpoint: string;
  server_endpoint: string;
  member_id: string;
  scope: string;
  status: string;
  user_id: number;
  domain: string;
};

export type RequestOAuthTokensOptions = {
  refreshToken: string;
  oauthUrl?: string;
  clientId?: string;
  clientSecret?: string;
};

const OAUTH_TIMEOUT_MS = 10_000;

/**
 * Exchanges a refresh token at the OAuth server (B24_OAUTH_URL, never an address taken from a request). Its answer's
 * `domain` is the OAuth server's own (oauth.bitrix24.tech), not the portal's: the portal is `client_endpoint`'s host.
 * Besides new tokens this proves who the portal is: the server answers with the member_id and client endpoint the
 * token belongs to, for our client_id only — that is how an install callback is authenticated before anything is
 * stored.
 */
export async function requestOAuthTokens(options: RequestOAuthTokensOptions): Promise<OAuthTokens> {
  const config = getConfig();
  const clientId = options.clientId ?? config.B24_CLIENT_ID;
  const clientSecret = options.clientSecret ?? config.B24_CLIENT_SECRET;
  if (!clientId || !clientSecret)
    throw new AppError('CONFIG_INVALID', 'B24_CLIENT_ID and B24_CLIENT_SECRET are required to talk to Bitrix24');
  if (!options.refreshToken) throw new AppError('UNAUTHORIZED', 'No refresh token');
  const base = (options.oauthUrl ?? config.B24_OAUTH_URL).replace(/\/+$/, '');
  let response: Response;
  try {
    // A GET with the query, as settings/oauth/auto-renewal.md documents the refresh.
    const query = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: options.refreshToken,
    });
    response = await fetch(`${base}/oauth/token/?${query.toString()}`, {
      method: 'GET',
      signal: AbortSignal.timeout(OAUTH_TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch {
    throw new AppError('UNAVAILABLE', 'Bitrix24 OAuth server did not answer');
  }
  const body = (await response.json().catch(() => null)) as (Partial<OAuthTokens> & { error?: string }) | null;
  if (
    !response.ok ||
    !body ||
    body.error ||
    !body.access_token ||
    !body.refresh_token ||
    !body.member_id ||
    !body.client_endpoint
  ) {
    // invalid_grant (refresh token used or expired), invalid_client (app removed / wrong keys), PAYMENT_REQUIRED…
    const code = body?.error ?? `HTTP ${response.status}`;
    throw new AppError(
      response.status >= 500 ? 'UNAVAILABLE' : 'UNAUTHORIZED',
      `Bitrix24 OAuth refused the refresh token: ${code}`,
    );
  }
  return {
    access_token: body.access_token,
    refresh_token: body.refresh_token,
    expires: Number(body.expires ?? 0),
    expires_in: Number(body.expires_in ?? 3600),
    client_endpoint: body.client_endpoint,
    server_endpoint: body.server_endpoint ?? '',
    member_id: body.member_id,
    scope: String(body.scope ?? ''),
    status: String(body.status ?? ''),
    user_id: Number(body.user_id ?? 0),
    domain: String(body.domain ?? ''),
  };
}
