import { z } from 'zod';
import { withPortal } from '@/lib/http/with-portal';
import { lookupCarriers } from '@/lib/numbering/store';

export const dynamic = 'force-dynamic';
const body = z.object({ numbers: z.string('error.enterNumbers').max(200_000) });

/** The lookup box: one number per line (up to 1 000), each answered as the caller's portal routes it. */
export const POST = withPortal({ access: 'read', body }, async ({ portal, body }) => {
  return Response.json({ results: await lookupCarriers({ text: body.numbers, portalId: portal.portalId }) });
});
