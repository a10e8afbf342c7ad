import { getDb, type Db } from '../../db/client';
import { AppError } from '../../errors/app-error';

export type IdentifyFrameUserOptions = { portalId: number; accessToken: string; db?: Db; now?: number };

const BAD_TOKEN =
  'Не удалось подтвердить вход в Битрикс24 — обновите страницу / ' +
  'Could not verify your Bitrix24 session — reload the page';
const PORTAL_DOWN = 'Битрикс24 не ответил — попробуйте ещё раз / Bitrix24 did not answer — try again';
const TIMEOUT_MS = 5_000;
/** A call card polls on every state change; one user.current per token and minute is plenty. */
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 1_000;

const holder = globalThis as typeof globalThis & { __frameUsers?: Map<string, { at: number; userId: number }> };
const cache = (holder.__frameUsers ??= new Map());

/**
 * Who is looking at the card, proven by the portal: `user.current` with the frame's own token. The page could send a
 * user id, but then anyone could redial as HR or Sales; the token only answers for its owner.
 */
export async function identifyFrameUser(options: IdentifyFrameUserOptions): Promise<number> {
  const { portalId, accessToken, db = getDb(), now = Date.now() } = options;
  const key = `${portalId}\n${accessToken}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_TTL_MS) return hit.userId;
  const portal = await db.portal.findUnique({ where: { id: portalId }, select: { clientEndpoint: true } });
  if (!portal?.clientEndpoint) throw new AppError('UNAUTHORIZED', BAD_TOKEN);
  let response: Response;
  try {
    response = await fetch(`${portal.clientEndpoint.replace(/\/+$/, '')}/user.current`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ auth: accessToken }).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch {
    throw new AppError('UNAVAILABLE', PORTAL_DOWN);
  }
  const body = (await response.json().catch(() => null)) as { result?: { ID?: unknown } } | null;
  const userId = Number(body?.result?.ID);
  if (!response.ok || !Number.isInteger(userId) || userId <= 0) {
    if (response.status >= 500) throw new AppError('UNAVAILABLE', PORTAL_DOWN);
    throw new AppError('UNAUTHORIZED', BAD_TOKEN);
  }
  if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: now, userId });
  return userId;
}
