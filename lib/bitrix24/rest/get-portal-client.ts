import { B24OAuth, EnumAppStatus, LoggerFactory, ParamsFactory, type B24OAuthParams } from '@bitrix24/b24jssdk';
import { getConfig } from '../../config/load-config';
import { getDb, type Db, type PortalModel as Portal } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { requestOAuthTokens } from './request-oauth-tokens';

export type GetPortalClientOptions = { portalId: number; db?: Db };

type Entry = { client: B24OAuth; accessToken: string; refreshing: Promise<unknown> | null };
const holder = globalThis as typeof globalThis & { __b24Clients?: Map<number, Entry> };
const clients = (holder.__b24Clients ??= new Map());

/**
 * One server-side b24jssdk client per portal, built from the tokens stored at install (they never reach a browser).
 * The SDK retries nothing itself (maxRetries 1): the outbox decides about retries, because `finish` is not idempotent.
 * On 401 expired_token the SDK calls our refresh, which is serialised per portal and first re-reads the database —
 * another worker may have refreshed already, and a refresh token works only once — then persists the new pair.
 */
export async function getPortalClient({ portalId, db = getDb() }: GetPortalClientOptions): Promise<B24OAuth> {
  const cached = clients.get(portalId);
  if (cached) return cached.client;
  const portal = await db.portal.findUnique({ where: { id: portalId } });
  if (portal?.status !== 'active') throw new AppError('NOT_FOUND', `Portal ${portalId} is not installed`);
  const entry = createEntry(portal, db);
  clients.set(portalId, entry);
  return entry.client;
}

/** Forget a portal's client (re-install stored new tokens; uninstall). */
export function forgetPortalClient(portalId?: number): void {
  if (portalId === undefined) clients.clear();
  else clients.delete(portalId);
}

function toParams(portal: Portal): B24OAuthParams {
  return {
    applicationToken: portal.applicationToken,
    userId: 0,
    memberId: portal.memberId,
    accessToken: portal.accessToken,
    refreshToken: portal.refreshToken,
    expires: Math.floor(portal.expiresAt.getTime() / 1000),
    expiresIn: 3600,
    scope: portal.scope,
    domain: portal.domain,
    clientEndpoint: portal.clientEndpoint,
    serverEndpoint: portal.serverEndpoint || portal.clientEndpoint,
    status: EnumAppStatus.Local,
  };
}

function createEntry(portal: Portal, db: Db): Entry {
  const { B24_CLIENT_ID, B24_CLIENT_SECRET } = getConfig();
  const restriction = {
    ...ParamsFactory.getRealtime(),
    // Our outbox owns rate limiting (per portal, across messages) and retries; the SDK only refreshes tokens.
    rateLimit: { burstLimit: 10_000, drainRate: 10_000, adaptiveEnabled: false },
    adaptiveConfig: { enabled: false, thresholdPercent: 80, coefficient: 0.01, maxDelay: 0 },
    maxRetries: 1,
    retryOnNetworkError: false,
  };
  const client = new B24OAuth(
    toParams(portal),
    { clientId: B24_CLIENT_ID ?? '', clientSecret: B24_CLIENT_SECRET ?? '' },
    { restrictionParams: restriction },
  );
  client.setLogger(LoggerFactory.createNullLogger());
  const entry: Entry = { client, accessToken: portal.accessToken, refreshing: null };
  client.setCustomRefreshAuth(async () => {
    // Serialise: concurrent 401s of this portal share one refresh.
    entry.refreshing ??= refreshOnce(portal.id, entry, db).finally(() => (entry.refreshing = null));
    return (await entry.refreshing) as never;
  });
  client.setCallbackRefreshAuth(async ({ b24OAuthParams }) => {
    entry.accessToken = b24OAuthParams.accessToken;
    await db.portal.update({
      where: { id: portal.id },
      data: {
        accessToken: b24OAuthParams.accessToken,
        refreshToken: b24OAuthParams.refreshToken,
        expiresAt: new Date(b24OAuthParams.expires * 1000),
        clientEndpoint: b24OAuthParams.clientEndpoint,
        serverEndpoint: b24OAuthParams.serverEndpoint,
      },
    });
  });
  return entry;
}

async function refreshOnce(portalId: number, entry: Entry, db: Db): Promise<Record<string, unknown>> {
  const stored = await db.portal.findUnique({ where: { id: portalId } });
  if (stored?.status !== 'active') throw new AppError('NOT_FOUND', `Portal ${portalId} is not installed`);
  // Someone (another client instance, a re-install) already stored a newer pair: use it instead of burning ours.
  if (stored.accessToken !== entry.accessToken && stored.expiresAt.getTime() > Date.now() + 60_000) {
    return {
      access_token: stored.accessToken,
      refresh_token: stored.refreshToken,
      expires: Math.floor(stored.expiresAt.getTime() / 1000),
      expires_in: 3600,
      client_endpoint: stored.clientEndpoint,
      server_endpoint: stored.serverEndpoint,
      member_id: stored.memberId,
      status: 'L',
    };
  }
  const tokens = await requestOAuthTokens({ refreshToken: stored.refreshToken });
  if (tokens.member_id !== stored.memberId) throw new AppError('UNAUTHORIZED', 'OAuth answered for another portal');
  return { ...tokens };
}
