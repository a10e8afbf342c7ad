import { getDb } from '@/lib/db/client';
import { syncPortalDirectory } from '@/lib/bitrix24/users/sync-portal-directory';
import { withPortal } from '@/lib/http/with-portal';
import { loadPortalDirectory } from '@/lib/portals/load-portal-directory';
import { forgetRoutingContext } from '@/lib/routing/settings/get-routing-context';

export const dynamic = 'force-dynamic';

/** The cached Bitrix24 departments and users of the caller's portal, for the department and manager pickers. */
export const GET = withPortal({ access: 'read' }, async ({ portal }) => {
  const directory = await loadPortalDirectory({ db: getDb(), portalId: portal.portalId });
  return Response.json(directory, { headers: { 'Cache-Control': 'no-store' } });
});

/** Reads departments (department.get) and users (user.get) from Bitrix24 into the cache, then answers like GET. */
export const POST = withPortal({ access: 'write' }, async ({ portal }) => {
  await syncPortalDirectory({ db: getDb(), portalId: portal.portalId });
  // Routing knows people by department: the cached context must read the new structure.
  forgetRoutingContext(portal.portalId);
  const directory = await loadPortalDirectory({ db: getDb(), portalId: portal.portalId });
  return Response.json(directory, { headers: { 'Cache-Control': 'no-store' } });
});
