import { z } from 'zod';
import { redialFromCard } from '@/lib/calls/card/redial-from-card';
import { resolveCardViewer } from '@/lib/calls/card/resolve-card-viewer';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { pickLang } from '@/lib/i18n/lang';

export const dynamic = 'force-dynamic';
const body = z.object({
  callId: z.string().trim().max(100).optional(),
  number: z.string().trim().min(1, 'error.noClientNumber').max(40),
  line: z.string().trim().max(50).optional(),
  /** Standalone only (no Bitrix24 session): the extension to call from. */
  extension: z.string().trim().max(20).optional(),
  lang: z.string().max(5).optional(),
});

/** POST /api/call-card/redial — route with the manager's line and place the call; a refusal says why. */
export const POST = withPortal({ access: 'public', body }, async ({ request, body, lang }) => {
  const db = getDb();
  const viewer = await resolveCardViewer(request, { localExtension: body.extension, placesCalls: true, db });
  const result = await redialFromCard({
    db,
    portalId: viewer.portalId,
    extension: viewer.extension,
    b24UserId: viewer.b24UserId,
    number: body.number,
    line: body.line ?? null,
    callId: body.callId ?? null,
    lang: body.lang ? pickLang(body.lang) : lang,
  });
  return Response.json(result);
});
