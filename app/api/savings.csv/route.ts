import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { exportSavingsCsv } from '@/lib/savings/export-savings-csv';
import { loadSavingsReport } from '@/lib/savings/load-savings-report';
import { parseDateRange } from '@/lib/savings/parse-date-range';

export const dynamic = 'force-dynamic';

/** The savings dashboard as CSV (same filters as GET /api/savings); admins only. */
export const GET = withPortal({ access: 'admin-read' }, async ({ request, portal, lang }) => {
  const range = parseDateRange(new URL(request.url).searchParams);
  const report = await loadSavingsReport({ db: getDb(), portalId: portal.portalId, range });
  const headers = {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="savings.csv"',
  };
  return new Response(exportSavingsCsv(report, lang), { headers });
});
