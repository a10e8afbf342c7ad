import { verifyPortalAdmin } from './verify-portal-admin';
import { getConfig } from '../config/load-config';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { ensureLocalPortal, LOCAL_MEMBER_ID } from './ensure-local-portal';

/**
 * 'read' = any verified user of the portal; 'admin-read' and 'write' = a portal admin. Outside a portal (no frame
 * session) the local portal answers: to anyone in an installation without Bitrix24 app keys, to nobody once the app
 * is a marketplace app (a page opened outside a portal carries no proof of anyone's rights there).
 */
export type PortalAccess = 'read' | 'admin-read' | 'write';

export type ResolveRequestPortalOptions = {
  access: PortalAccess;
  db?: Db;
  /** Whether the app is configured as a Bitrix24 marketplace app (B24_CLIENT_ID); defaults to the process config. */
  bitrix24Configured?: boolean;
};

export type RequestPortal = { portalId: number; memberId: string; mode: 'portal' | 'local'; isAdmin: boolean };

export const MEMBER_ID_HEADER = 'x-b24-member-id';
export const AUTH_HEADER = 'x-b24-auth';

/**
 * Which portal an admin-API request acts on, proven on the server. Pages inside Bitrix24 send the frame's member id and
 * access token (X-B24-Member-Id, X-B24-Auth); the portal confirms the token (and admin rights where needed). A request
 * without them is the standalone page and acts on the local portal.
 */
export async function resolveRequestPortal(
  request: Request,
  options: ResolveRequestPortalOptions,
): Promise<RequestPortal> {
  const { access, db = getDb() } = options;
  const memberId = request.headers.get(MEMBER_ID_HEADER)?.trim() ?? '';
  const accessToken = request.headers.get(AUTH_HEADER)?.trim() ?? '';
  if (memberId || accessToken) {
    if (!memberId || !accessToken || memberId === LOCAL_MEMBER_ID) throw new AppError('UNAUTHORIZED', 'error.halfAuth');
    const verified = await verifyPortalAdmin({ memberId, accessToken, requireAdmin: false, db });
    if (!verified.isAdmin && access !== 'read') {
      throw new AppError('FORBIDDEN', access === 'write' ? 'error.notAdmin' : 'error.adminOnly');
    }
    return { portalId: verified.portalId, memberId, mode: 'portal', isAdmin: verified.isAdmin };
  }
  // In an installation without app keys the local portal is the only one and whoever reaches the app runs it.
  const bitrix24Configured = options.bitrix24Configured ?? Boolean(getConfig().B24_CLIENT_ID);
  if (bitrix24Configured) {
    throw new AppError(
      access === 'write' ? 'FORBIDDEN' : 'UNAUTHORIZED',
      access === 'write' ? 'error.localWriteRefused' : 'error.localReadRefused',
    );
  }
  const { id } = await ensureLocalPortal({ db });
  return { portalId: id, memberId: LOCAL_MEMBER_ID, mode: 'local', isAdmin: true };
}
