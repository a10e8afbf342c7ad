import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { loadSavingsReport } from '@/lib/savings/load-savings-report';
import { parseDateRange } from '@/lib/savings/parse-date-range';

export const dynamic = 'force-dynamic';

/** The savings dashboard: summary, per line, per SIM against caps, per day. `?from=&to=` (YYYY-MM-DD); admins only. */
export const GET = withPortal({ access: 'admin-read' }, async ({ request, portal }) => {
  const range = parseDateRange(new URL(request.url).searchParams);
  return Response.json(await loadSavingsReport({ db: getDb(), portalId: portal.portalId, range }));
});
