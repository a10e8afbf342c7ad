import { getDb } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { loadPortalDirectory } from '@/lib/portals/load-portal-directory';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';

export const dynamic = 'force-dynamic';

/** The cached Bitrix24 departments and users of the caller's portal, for the department and manager pickers. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { portalId } = await resolveRequestPortal(request, { access: 'read' });
    return Response.json(await loadPortalDirectory({ db: getDb(), portalId }), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'GET /api/settings/departments');
  }
}
