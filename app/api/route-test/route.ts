import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { pickLang } from '@/lib/i18n/lang';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';
import { routeCall } from '@/lib/routing/route-call';
import { renderReason } from '@/lib/routing/route-reasons';

export const dynamic = 'force-dynamic';
const body = z.object({
  number: z.string().trim().min(1, 'Введите номер / Enter a number').max(40),
  extension: z.string().trim().max(20).optional(),
  line: z.string().trim().max(50).optional(),
  lang: z.string().max(5).optional(),
});

/** The route tester: the decision for a number and a manager, with its reasons in the page's language. */
export async function POST(request: Request): Promise<Response> {
  try {
    const { portalId } = await resolveRequestPortal(request, { access: 'read' });
    const parsed = body.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]!.message, { number: parsed.error.issues[0]!.message });
    const { number, extension, line, lang } = parsed.data;
    const decision = await routeCall({ portalId, number, extension: extension || undefined, requestedLine: line || null });
    const language = pickLang(lang ?? request.headers.get('accept-language'));
    return Response.json({ ...decision, reasonsText: decision.reasons.map((reason) => renderReason(reason, language)) });
  } catch (error) {
    return errorResponse(error, 'POST /api/route-test');
  }
}
