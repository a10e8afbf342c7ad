import type { Db } from '../../db/client';
import { readBracketString, type BracketTree } from '../parse-bracket-body';
import { requestOAuthTokens } from '../rest/request-oauth-tokens';
import { forgetPortalClient } from '../rest/get-portal-client';
import type { EventOutcome } from './event-context';
import { forgetRoutingPortals } from '../../portals/find-routing-portal';

export type StoreInstallOptions = {
  db: Db;
  memberId: string;
  refreshToken: string;
  /** '' from the install frame when the POST lacks it: keeps the stored one (ONAPPINSTALL brings it). */
  applicationToken: string;
  lang?: string;
};

/**
 * ONAPPINSTALL and the install frame. No stored token can vouch for them, and every employee who opens the app holds
 * a refresh token of this portal, so two proofs are needed before anything is stored: the OAuth server exchanges the
 * refresh token (B24_OAUTH_URL, our client secret) and names the same member_id, and the portal itself answers
 * `user.admin` = true for the token it just issued. Otherwise an employee could install over the portal and make
 * its application_token (the only proof events carry) and its OAuth tokens their own. Re-install updates the same
 * row (member_id is unique) and reactivates an uninstalled portal.
 */
export async function storeInstall({
  db,
  memberId,
  refreshToken,
  applicationToken,
  lang,
}: StoreInstallOptions): Promise<number | null> {
  if (!memberId || !refreshToken) return null;
  const tokens = await requestOAuthTokens({ refreshToken }).catch(() => null);
  if (!tokens || tokens.member_id !== memberId) return null;
  if (!(await isPortalAdmin(tokens.client_endpoint, tokens.access_token))) return null;
  const data = {
    domain: tokens.domain && !tokens.domain.includes('oauth') ? tokens.domain : new URL(tokens.client_endpoint).host,
    clientEndpoint: tokens.client_endpoint,
    serverEndpoint: tokens.server_endpoint,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: new Date(tokens.expires * 1000),
    ...(applicationToken ? { applicationToken } : {}),
    scope: tokens.scope,
    status: 'active',
    uninstalledAt: null,
    ...(lang ? { lang } : {}),
  };
  const portal = await db.portal.upsert({ where: { memberId }, create: { memberId, ...data }, update: data });
  forgetPortalClient(portal.id);
  forgetRoutingPortals(); // a newly installed portal routes desk-phone calls at once
  return portal.id;
}

export async function handleAppInstall(body: BracketTree, db: Db): Promise<EventOutcome> {
  const applicationToken = readBracketString(body, 'auth', 'application_token');
  if (!applicationToken) return { status: 401, body: { error: 'UNAUTHORIZED' } };
  const portalId = await storeInstall({
    db,
    memberId: readBracketString(body, 'auth', 'member_id'),
    refreshToken: readBracketString(body, 'auth', 'refresh_token'),
    applicationToken,
    lang: readBracketString(body, 'data', 'LANGUAGE_ID') || undefined,
  });
  return portalId === null ? { status: 401, body: { error: 'UNAUTHORIZED' } } : { status: 200, body: { ok: true } };
}

/** user.admin at the endpoint the OAuth server named, with the token it just issued. */
async function isPortalAdmin(clientEndpoint: string, accessToken: string): Promise<boolean> {
  const response = await fetch(`${clientEndpoint.replace(/\/+$/, '')}/user.admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ auth: accessToken }),
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null);
  const body = (await response?.json().catch(() => null)) as { result?: unknown } | null;
  return body?.result === true;
}
