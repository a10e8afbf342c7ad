import { resolveUserExtension } from '../../bitrix24/users/resolve-user-extension';
import { getConfig } from '../../config/load-config';
import { getDb, type Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { AUTH_HEADER, resolveRequestPortal } from '../../portals/resolve-request-portal';
import { forgetRoutingContext } from '../../routing/settings/get-routing-context';
import { identifyFrameUser } from './identify-frame-user';

export type CardViewer = {
  portalId: number;
  mode: 'portal' | 'local';
  b24UserId: number | null;
  extension: string | null;
};

export type ResolveCardViewerOptions = {
  /** Standalone (local portal, no Bitrix24 session): the extension to act as, for trying the card outside a portal. */
  localExtension?: string | null;
  /** A redial places a real call: standalone requests may do it only in an installation without Bitrix24 keys. */
  placesCalls?: boolean;
  db?: Db;
};

const LOCAL_CALL_REFUSED =
  'Звонить из карточки можно только в Битрикс24 / Calls from the card can only be placed inside Bitrix24';

/**
 * The portal and the manager behind a call-card request: the frame's token names the user, the user cache the
 * extension.
 */
export async function resolveCardViewer(request: Request, options: ResolveCardViewerOptions = {}): Promise<CardViewer> {
  const db = options.db ?? getDb();
  const portal = await resolveRequestPortal(request, { access: 'read', db });
  if (portal.mode === 'local' && options.placesCalls && getConfig().B24_CLIENT_ID)
    throw new AppError('FORBIDDEN', LOCAL_CALL_REFUSED);
  if (portal.mode === 'local')
    return {
      portalId: portal.portalId,
      mode: 'local',
      b24UserId: null,
      extension: options.localExtension?.trim() || null,
    };
  const accessToken = request.headers.get(AUTH_HEADER)?.trim() ?? '';
  const b24UserId = await identifyFrameUser({ portalId: portal.portalId, accessToken, db });
  const user = await resolveUserExtension({ db, portalId: portal.portalId, b24UserId });
  // A new or moved extension changes how this manager's calls route: routing reloads the portal's people at once.
  if (user.refreshed) forgetRoutingContext(portal.portalId);
  return { portalId: portal.portalId, mode: 'portal', b24UserId, extension: user.extension };
}
