import { getDb } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { loadLists } from '@/lib/lists/load-lists';
import { saveLists } from '@/lib/lists/save-lists';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';

export const dynamic = 'force-dynamic';

/** The portal's whitelists (users, departments, extensions) and never-record list. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { portalId } = await resolveRequestPortal(request, { access: 'read' });
    return Response.json(await loadLists({ db: getDb(), portalId }), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'GET /api/settings/lists');
  }
}

/** Replaces all four lists (admin only); 400 {message, fields} names every invalid entry ("neverRecord.0.value"). */
export async function PUT(request: Request): Promise<Response> {
  try {
    const { portalId } = await resolveRequestPortal(request, { access: 'write' });
    const body: unknown = await request.json().catch(() => null);
    return Response.json(await saveLists({ db: getDb(), portalId, lists: body }));
  } catch (error) {
    return errorResponse(error, 'PUT /api/settings/lists');
  }
}
