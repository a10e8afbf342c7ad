import { getDb } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';
import { loadSavingsReport } from '@/lib/savings/load-savings-report';
import { parseDateRange } from '@/lib/savings/parse-date-range';

export const dynamic = 'force-dynamic';

/** The savings dashboard: summary, per line, per SIM against caps, per day. `?from=YYYY-MM-DD&to=YYYY-MM-DD`. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { portalId } = await resolveRequestPortal(request, { access: 'read' });
    const range = parseDateRange(new URL(request.url).searchParams);
    return Response.json(await loadSavingsReport({ db: getDb(), portalId, range }));
  } catch (error) {
    return errorResponse(error, 'GET /api/savings');
  }
}
