import { verifyPortalAdmin } from '../bitrix24/verify-portal-admin';
import { getConfig } from '../config/load-config';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { ensureLocalPortal, LOCAL_MEMBER_ID } from './ensure-local-portal';

export type ResolveRequestPortalOptions = {
  /** 'read' = any valid token of the portal; 'write' = a portal admin's token. */
  access: 'read' | 'write';
  db?: Db;
  /** Whether the app is configured as a Bitrix24 marketplace app (B24_CLIENT_ID); defaults to the process config. */
  bitrix24Configured?: boolean;
};

export type RequestPortal = { portalId: number; memberId: string; mode: 'portal' | 'local' };

export const MEMBER_ID_HEADER = 'x-b24-member-id';
export const AUTH_HEADER = 'x-b24-auth';

const LOCAL_WRITE_REFUSED =
  'Вне Битрикс24 настройки меняются только в установке без Битрикс24: откройте приложение в портале / ' +
  'Outside Bitrix24 settings can only be changed in an installation without Bitrix24: open the app in your portal';
const HALF_AUTH = 'Неполные данные входа Битрикс24 — обновите страницу / Incomplete Bitrix24 session data — reload the page';

/**
 * Which portal an admin-API request acts on, proven on the server. Pages inside Bitrix24 send the frame's member id and
 * access token (X-B24-Member-Id, X-B24-Auth); the portal confirms the token (and admin rights for writes). A request
 * without them is the standalone page and acts on the local portal.
 */
export async function resolveRequestPortal(request: Request, options: ResolveRequestPortalOptions): Promise<RequestPortal> {
  const { access, db = getDb() } = options;
  const memberId = request.headers.get(MEMBER_ID_HEADER)?.trim() ?? '';
  const accessToken = request.headers.get(AUTH_HEADER)?.trim() ?? '';
  if (memberId || accessToken) {
    if (!memberId || !accessToken || memberId === LOCAL_MEMBER_ID) throw new AppError('UNAUTHORIZED', HALF_AUTH);
    const verified = await verifyPortalAdmin({ memberId, accessToken, requireAdmin: access === 'write', db });
    return { portalId: verified.portalId, memberId, mode: 'portal' };
  }
  // Standalone writes only in embedded mode (no Bitrix24 app keys): there the local portal is the only one and whoever
  // reaches the app runs it. Once the app is a marketplace app, a page opened outside a portal carries no proof of
  // anyone's rights, and the local settings may route real calls (no portal installed yet), so it may only read.
  const bitrix24Configured = options.bitrix24Configured ?? Boolean(getConfig().B24_CLIENT_ID);
  if (access === 'write' && bitrix24Configured) throw new AppError('FORBIDDEN', LOCAL_WRITE_REFUSED);
  const { id } = await ensureLocalPortal({ db });
  return { portalId: id, memberId: LOCAL_MEMBER_ID, mode: 'local' };
}
