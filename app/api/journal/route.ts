import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { parseJournalFilters } from '@/lib/journal/journal-filters';
import { queryJournal } from '@/lib/journal/query-journal';
import { restrictJournalFilters } from '@/lib/journal/restrict-journal-filters';

export const dynamic = 'force-dynamic';

/** One page of the calls journal: `?user&department&trunk&carrier&status&from&to&page`; a non-admin sees their own. */
export const GET = withPortal({ access: 'read', identifyUser: true }, async ({ request, portal, lang, b24UserId }) => {
  const filters = restrictJournalFilters(parseJournalFilters(new URL(request.url).searchParams), { portal, b24UserId });
  return Response.json(await queryJournal({ db: getDb(), portalId: portal.portalId, filters, lang }));
});
