import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { checkDefaultLine } from '@/lib/bitrix24/lines/check-default-line';
import { claimDefaultLine } from '@/lib/bitrix24/lines/claim-default-line';

export const dynamic = 'force-dynamic';

/** Whether our app is the portal's default outgoing line (CRM clicks reach only that app); admins only. */
export const GET = withPortal({ access: 'admin-read' }, async ({ portal }) => {
  const status = await checkDefaultLine({ db: getDb(), portalId: portal.portalId });
  return Response.json(status, { headers: { 'Cache-Control': 'no-store' } });
});

/** Asks Bitrix24 to make our line the default and answers with what it is afterwards (admin only). */
export const POST = withPortal({ access: 'write' }, async ({ portal }) => {
  return Response.json(await claimDefaultLine({ db: getDb(), portalId: portal.portalId }));
});
