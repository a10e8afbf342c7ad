import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { enableSim, enableSimInput, readSimsOut } from '@/lib/sim-health';

export const dynamic = 'force-dynamic';

/** The portal's SIMs out of rotation (the admin pages' banner): which, since when, why in the reader's language. */
export const GET = withPortal({ access: 'admin-read' }, async ({ portal, lang }) => {
  const sims = await readSimsOut({ db: getDb(), portalId: portal.portalId, lang });
  return Response.json({ sims }, { headers: { 'Cache-Control': 'no-store' } });
});

/** The admin puts a SIM back into rotation: {trunkId, sim}; 404 when it is not out. */
export const POST = withPortal({ access: 'write', body: enableSimInput }, async ({ portal, body }) => {
  await enableSim({ db: getDb(), portalId: portal.portalId, ...body });
  return Response.json({ ok: true });
});
