import { z } from 'zod';
import { placeCallOnConnectedPbx } from '@/lib/calls/place-call-on-connected-pbx';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { AUTH_HEADER } from '@/lib/portals/resolve-request-portal';
import { placeSetupTestCall } from '@/lib/setup';

export const dynamic = 'force-dynamic';
const body = z.object({
  number: z.string().trim().min(1, 'error.noClientNumber').max(40),
  line: z.string().trim().min(1).max(50),
  /** Standalone only (no Bitrix24 session): the admin's extension. */
  extension: z.string().trim().max(20).optional(),
});

/** POST /api/setup/test-call — the wizard's test call (admins only, one per portal per half minute). */
export const POST = withPortal({ access: 'write', body }, async ({ request, portal, body, lang }) => {
  const result = await placeSetupTestCall({
    db: getDb(),
    portalId: portal.portalId,
    accessToken: portal.mode === 'portal' ? (request.headers.get(AUTH_HEADER)?.trim() ?? '') : null,
    localExtension: portal.mode === 'local' ? body.extension : undefined,
    number: body.number,
    line: body.line,
    placeCall: placeCallOnConnectedPbx,
    lang,
  });
  return Response.json(result);
});
