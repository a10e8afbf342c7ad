import { getDb } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { requestLang } from '@/lib/i18n/lang';
import { exportJournalCsv } from '@/lib/journal/export-journal-csv';
import { parseJournalFilters } from '@/lib/journal/journal-filters';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';

export const dynamic = 'force-dynamic';

/** Every call matching the journal's filters as CSV. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { portalId } = await resolveRequestPortal(request, { access: 'read' });
    const filters = parseJournalFilters(new URL(request.url).searchParams);
    const csv = await exportJournalCsv({ db: getDb(), portalId, filters, lang: requestLang(request) });
    return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="calls.csv"' } });
  } catch (error) {
    return errorResponse(error, 'GET /api/journal.csv');
  }
}
