import { z } from 'zod';
import { renderPortalKits } from '@/lib/asterisk/kit/render-portal-kits';
import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';

export const dynamic = 'force-dynamic';
const query = z.object({ flavour: z.enum(['asterisk', 'freepbx']).default('asterisk') });

/** The install kit for the admin's portal (it holds the AMI secret, so admins only). */
export const GET = withPortal({ access: 'admin-read', query }, async ({ portal, query }) => {
  const memberId = portal.mode === 'local' ? '' : portal.memberId;
  const kits = await renderPortalKits({
    db: getDb(),
    portalId: portal.portalId,
    portal: memberId,
    flavour: query.flavour,
    config: getConfig(),
  });
  return Response.json({ kits }, { headers: { 'Cache-Control': 'no-store' } });
});
