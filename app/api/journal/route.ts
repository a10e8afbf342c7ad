import { getDb } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { requestLang } from '@/lib/i18n/lang';
import { parseJournalFilters } from '@/lib/journal/journal-filters';
import { queryJournal } from '@/lib/journal/query-journal';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';

export const dynamic = 'force-dynamic';

/** One page of the calls journal: `?user&department&trunk&carrier&status&from&to&page`, reasons in the reader's language. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { portalId } = await resolveRequestPortal(request, { access: 'read' });
    const filters = parseJournalFilters(new URL(request.url).searchParams);
    return Response.json(await queryJournal({ db: getDb(), portalId, filters, lang: requestLang(request) }));
  } catch (error) {
    return errorResponse(error, 'GET /api/journal');
  }
}
