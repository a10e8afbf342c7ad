import { forgetRoutingPortals } from '../../portals/find-routing-portal';
import { readBracketString } from '../parse-bracket-body';
import { forgetPortalClient } from '../rest/get-portal-client';
import { forgetPortalTokenChecks } from '../../portals/verify-portal-admin';
import type { EventHandler } from './event-context';

/**
 * ONAPPUNINSTALL, reached only after the application_token matched (its only proof of origin).
 * CLEAN=1 ("delete app data") removes the portal and everything under it; otherwise the portal is marked uninstalled
 * and its tokens dropped (API access is revoked anyway), keeping settings for a re-install.
 */
export const handleAppUninstall: EventHandler = async ({ portal, body, db }) => {
  if (readBracketString(body, 'data', 'CLEAN') === '1') await db.portal.delete({ where: { id: portal.id } });
  else {
    await db.portal.update({
      where: { id: portal.id },
      data: { status: 'uninstalled', uninstalledAt: new Date(), accessToken: '', refreshToken: '' },
    });
    await db.outboxMessage.updateMany({
      where: { portalId: portal.id, status: { in: ['pending', 'sending'] } },
      data: { status: 'failed', lastError: 'portal uninstalled' },
    });
  }
  forgetPortalClient(portal.id);
  forgetPortalTokenChecks();
  forgetRoutingPortals(); // desk-phone calls stop routing by this portal's settings now, not in 30 s
  return { status: 200, body: { ok: true } };
};
