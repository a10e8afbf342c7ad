import { z } from 'zod';
import { withPortal } from '@/lib/http/with-portal';
import { pickLang } from '@/lib/i18n/lang';
import { routeCall } from '@/lib/routing/route-call';
import { renderReason } from '@/lib/routing/route-reasons';

export const dynamic = 'force-dynamic';
const body = z.object({
  number: z.string('error.enterNumber').trim().min(1, 'error.enterNumber').max(40),
  extension: z.string().trim().max(20).optional(),
  line: z.string().trim().max(50).optional(),
  lang: z.string().max(5).optional(),
});

/** The route tester: the decision for a number and a manager, with its reasons in the page's language. */
export const POST = withPortal({ access: 'read', body }, async ({ portal, body, lang }) => {
  const { number, extension, line } = body;
  const decision = await routeCall({
    portalId: portal.portalId,
    number,
    extension: extension || undefined,
    requestedLine: line || null,
  });
  const language = body.lang ? pickLang(body.lang) : lang;
  return Response.json({ ...decision, reasonsText: decision.reasons.map((reason) => renderReason(reason, language)) });
});
