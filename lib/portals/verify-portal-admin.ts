import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

export type VerifyPortalAdminOptions = {
  memberId: string;
  /** The viewer's access token from the portal frame (`b24.auth.getAuthData().access_token`). */
  accessToken: string;
  /** false = any valid token of this portal will do (reading settings); true (default) = a portal admin's only. */
  requireAdmin?: boolean;
  db?: Db;
  now?: number;
};

export type VerifiedPortalUser = { portalId: number; memberId: string; isAdmin: boolean };

export const NOT_ADMIN_MESSAGE = 'error.notAdmin';

/** Bitrix24 answers user.admin in well under a second; an admin page should not hang longer than this on it. */
const USER_ADMIN_TIMEOUT_MS = 5_000;
/** Long enough that a page's burst of requests costs one REST call; short enough that a revoked admin soon loses it. */
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 1_000;

type CacheEntry = { at: number; portalId: number; isAdmin: boolean };
const holder = globalThis as typeof globalThis & { __portalTokenChecks?: Map<string, CacheEntry> };
const cache = (holder.__portalTokenChecks ??= new Map());

/**
 * Server-side proof of who is calling: asks the portal itself (`user.admin` at the portal's own client endpoint, which
 * we stored at install) with the token the page sent. The browser's `isAdmin` is never trusted. A token of another
 * portal fails here because each portal's REST lives on its own domain, and only accepts its own tokens. Only valid
 * tokens are cached (per member id and token), so a refusal is always re-checked.
 */
export async function verifyPortalAdmin(options: VerifyPortalAdminOptions): Promise<VerifiedPortalUser> {
  const { memberId, accessToken, requireAdmin = true, db = getDb(), now = Date.now() } = options;
  if (!memberId || !accessToken) throw new AppError('UNAUTHORIZED', 'error.badToken');
  const key = `${memberId}\n${accessToken}`;
  const hit = cache.get(key);
  let verified: CacheEntry;
  if (hit && now - hit.at < CACHE_TTL_MS) verified = hit;
  else {
    cache.delete(key);
    const portal = await db.portal.findUnique({
      where: { memberId },
      select: { id: true, status: true, clientEndpoint: true },
    });
    if (portal?.status !== 'active' || !portal.clientEndpoint) {
      throw new AppError('NOT_FOUND', 'error.portalNotInstalled');
    }
    const isAdmin = await askUserAdmin(portal.clientEndpoint, accessToken);
    verified = { at: now, portalId: portal.id, isAdmin };
    if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, verified);
  }
  if (requireAdmin && !verified.isAdmin) throw new AppError('FORBIDDEN', NOT_ADMIN_MESSAGE);
  return { portalId: verified.portalId, memberId, isAdmin: verified.isAdmin };
}

/** Drops cached answers (tests; an uninstall). */
export function forgetPortalTokenChecks(): void {
  cache.clear();
}

async function askUserAdmin(clientEndpoint: string, accessToken: string): Promise<boolean> {
  const url = `${clientEndpoint.replace(/\/+$/, '')}/user.admin`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ auth: accessToken }).toString(),
      signal: AbortSignal.timeout(USER_ADMIN_TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch {
    throw new AppError('UNAVAILABLE', 'error.portalDown');
  }
  const body = (await response.json().catch(() => null)) as { result?: unknown; error?: string } | null;
  if (response.ok && body && 'result' in body) return body.result === true;
  // invalid_token, expired_token, NO_AUTH_FOUND…: the page refreshes its token and tries once more.
  if (response.status === 401 || response.status === 400 || response.status === 403) {
    throw new AppError('UNAUTHORIZED', 'error.badToken');
  }
  throw new AppError('UNAVAILABLE', 'error.portalDown');
}
