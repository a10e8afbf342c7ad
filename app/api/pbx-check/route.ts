import { checkPbxes } from '@/lib/asterisk/check/check-pbxes';
import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';

export const dynamic = 'force-dynamic';

/**
 * `npm run pbx -- check` for the admin's portal: one result per check with its fix. A POST, admins only: it logs in
 * to each PBX and places a harmless probe call (a Local channel, nobody rings).
 */
export const POST = withPortal({ access: 'admin-read' }, async ({ portal }) => {
  const memberId = portal.mode === 'local' ? '' : portal.memberId;
  const results = await checkPbxes({ db: getDb(), portalId: portal.portalId, portal: memberId, config: getConfig() });
  return Response.json({ results, passed: results.every((result) => result.status === 'pass') });
});
