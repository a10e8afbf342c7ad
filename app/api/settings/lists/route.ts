import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { loadLists } from '@/lib/lists/load-lists';
import { saveLists } from '@/lib/lists/save-lists';

export const dynamic = 'force-dynamic';

/** The portal's whitelists (users, departments, extensions) and never-record list; admins only. */
export const GET = withPortal({ access: 'admin-read' }, async ({ portal }) => {
  return Response.json(await loadLists({ db: getDb(), portalId: portal.portalId }), {
    headers: { 'Cache-Control': 'no-store' },
  });
});

/** Replaces all four lists (admin only); 400 {message, fields} names every invalid entry ("neverRecord.0.value"). */
export const PUT = withPortal({ access: 'write' }, async ({ portal, body }) => {
  return Response.json(await saveLists({ db: getDb(), portalId: portal.portalId, lists: body }));
});
