import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { exportJournalCsv } from '@/lib/journal/export-journal-csv';
import { parseJournalFilters } from '@/lib/journal/journal-filters';
import { restrictJournalFilters } from '@/lib/journal/restrict-journal-filters';

export const dynamic = 'force-dynamic';

/** Every call matching the journal's filters as CSV; a non-admin gets only their own calls. */
export const GET = withPortal({ access: 'read', identifyUser: true }, async ({ request, portal, lang, b24UserId }) => {
  const filters = restrictJournalFilters(parseJournalFilters(new URL(request.url).searchParams), { portal, b24UserId });
  const csv = await exportJournalCsv({ db: getDb(), portalId: portal.portalId, filters, lang });
  const headers = {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="calls.csv"',
  };
  return new Response(csv, { headers });
});
