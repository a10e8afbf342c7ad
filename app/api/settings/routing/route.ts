import { getDb } from '@/lib/db/client';
import { syncExternalLines } from '@/lib/bitrix24/lines/sync-external-lines';
import { errorResponse } from '@/lib/http/error-response';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';
import { loadRoutingSettings } from '@/lib/routing/settings/load-routing-settings';
import { saveRoutingSettings } from '@/lib/routing/settings/save-routing-settings';

export const dynamic = 'force-dynamic';

/** The portal's whole routing settings document (trunks, carrier groups, department profiles, default trunk). */
export async function GET(request: Request): Promise<Response> {
  try {
    const { portalId } = await resolveRequestPortal(request, { access: 'read' });
    return Response.json(await loadRoutingSettings({ db: getDb(), portalId }), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'GET /api/settings/routing');
  }
}

/** Replaces the whole document (admin only); 400 {message, fields} names every invalid field. */
export async function PUT(request: Request): Promise<Response> {
  try {
    const { portalId, mode } = await resolveRequestPortal(request, { access: 'write' });
    const body: unknown = await request.json().catch(() => null);
    // saveRoutingSettings validates (zod) and throws INVALID_INPUT with field messages.
    const saved = await saveRoutingSettings({ db: getDb(), portalId, settings: body });
    // The call card's line list follows the trunks (through the durable outbox); the local portal has no Bitrix24.
    if (mode === 'portal') void syncExternalLines({ portalId }).catch((error: unknown) => console.error('[lines] sync after save failed', error));
    return Response.json(saved);
  } catch (error) {
    return errorResponse(error, 'PUT /api/settings/routing');
  }
}
