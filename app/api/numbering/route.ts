import { getDb } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { summarizeNumbering } from '@/lib/numbering/store';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';

export const dynamic = 'force-dynamic';

/** The Registry page's data: files in force, carriers' shares, versions with diffs and issues, ported set, overrides. */
export async function GET(request: Request): Promise<Response> {
  try {
    await resolveRequestPortal(request, { access: 'read' });
    return Response.json(await summarizeNumbering({ db: getDb() }), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'GET /api/numbering');
  }
}
