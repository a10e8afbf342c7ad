import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { summarizeNumbering } from '@/lib/numbering/store';

export const dynamic = 'force-dynamic';

/** The Registry page's data: files in force, carriers' shares, versions with diffs and issues, ported set. */
export const GET = withPortal({ access: 'read' }, async ({ portal }) => {
  return Response.json(await summarizeNumbering({ db: getDb(), portalId: portal.portalId }), {
    headers: { 'Cache-Control': 'no-store' },
  });
});
