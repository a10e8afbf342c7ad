import { getDb } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { requestLang } from '@/lib/i18n/lang';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';
import { exportSavingsCsv } from '@/lib/savings/export-savings-csv';
import { loadSavingsReport } from '@/lib/savings/load-savings-report';
import { parseDateRange } from '@/lib/savings/parse-date-range';

export const dynamic = 'force-dynamic';

/** The savings dashboard as CSV (same filters as GET /api/savings). */
export async function GET(request: Request): Promise<Response> {
  try {
    const { portalId } = await resolveRequestPortal(request, { access: 'read' });
    const report = await loadSavingsReport({ db: getDb(), portalId, range: parseDateRange(new URL(request.url).searchParams) });
    const csv = exportSavingsCsv(report, requestLang(request));
    return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="savings.csv"' } });
  } catch (error) {
    return errorResponse(error, 'GET /api/savings.csv');
  }
}
