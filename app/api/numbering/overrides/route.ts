import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { listNumberOverrides } from '@/lib/numbering/store';
import { removeNumberOverride } from '@/lib/routing/settings/remove-number-override';
import { setNumberOverride } from '@/lib/routing/settings/set-number-override';

export const dynamic = 'force-dynamic';
const setBody = z.object({
  number: z.string('error.enterNumberAndInn').max(40),
  inn: z.string('error.enterNumberAndInn').max(20),
  note: z.string().max(200).optional(),
});
const listQuery = z.object({ search: z.string().max(100).default('') });
const removeQuery = z.object({ number: z.string().max(40).default('') });

/** The caller's portal's overrides and the learned ones (read-only); other portals' overrides are never shown. */
export const GET = withPortal({ access: 'read', query: listQuery }, async ({ portal, query }) => {
  return Response.json(await listNumberOverrides({ db: getDb(), portalId: portal.portalId, search: query.search }), {
    headers: { 'Cache-Control': 'no-store' },
  });
});

/** Sets the admin's carrier for one number of their portal; 400 {fields: {number|inn}} on a bad number or ИНН. */
export const PUT = withPortal({ access: 'write', body: setBody }, async ({ portal, body }) => {
  return Response.json(await setNumberOverride({ db: getDb(), portalId: portal.portalId, ...body }));
});

export const DELETE = withPortal({ access: 'write', query: removeQuery }, async ({ portal, query }) => {
  return Response.json(await removeNumberOverride({ db: getDb(), portalId: portal.portalId, number: query.number }));
});
