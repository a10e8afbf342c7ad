import { z } from 'zod';
import { describeCallCard } from '@/lib/calls/card/describe-call-card';
import { resolveCardViewer } from '@/lib/calls/card/resolve-card-viewer';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';

export const dynamic = 'force-dynamic';
const query = z.object({
  callId: z.string().trim().max(100).optional(),
  number: z.string().trim().max(40).optional(),
  extension: z.string().trim().max(20).optional(),
  lang: z.string().max(5).optional(),
});

/** GET /api/call-card?callId=&number=[&extension= standalone only] — the card's journal row, decision and lines. */
export const GET = withPortal({ access: 'public', query }, async ({ request, query, lang }) => {
  const db = getDb();
  const viewer = await resolveCardViewer(request, { localExtension: query.extension, db });
  const view = await describeCallCard({
    db,
    portalId: viewer.portalId,
    extension: viewer.extension,
    callId: query.callId || null,
    number: query.number || null,
    lang,
  });
  return Response.json(view);
});
