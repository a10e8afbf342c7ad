import { syncExternalLines } from '@/lib/bitrix24/lines/sync-external-lines';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { log } from '@/lib/log/log';
import { loadRoutingSettings } from '@/lib/routing/settings/load-routing-settings';
import { saveRoutingSettings } from '@/lib/routing/settings/save-routing-settings';

export const dynamic = 'force-dynamic';

/** The portal's whole routing settings document (trunks, carrier groups, department profiles, default trunk). */
export const GET = withPortal({ access: 'admin-read' }, async ({ portal }) => {
  const settings = await loadRoutingSettings({ db: getDb(), portalId: portal.portalId });
  return Response.json(settings, { headers: { 'Cache-Control': 'no-store' } });
});

/** Replaces the whole document (admin only); saveRoutingSettings answers 400 {message, fields} per invalid field. */
export const PUT = withPortal({ access: 'write', maxBodyBytes: 1024 * 1024 }, async ({ portal, body }) => {
  const saved = await saveRoutingSettings({ db: getDb(), portalId: portal.portalId, settings: body });
  // The call card's line list follows the trunks (through the durable outbox); the local portal has no Bitrix24.
  if (portal.mode === 'portal') {
    void syncExternalLines({ portalId: portal.portalId }).catch((error: unknown) =>
      log.error('lines sync after save failed', { error }),
    );
  }
  return Response.json(saved);
});
