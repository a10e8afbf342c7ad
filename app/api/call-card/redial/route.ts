import { z } from 'zod';
import { redialFromCard } from '@/lib/calls/card/redial-from-card';
import { resolveCardViewer } from '@/lib/calls/card/resolve-card-viewer';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { pickLang } from '@/lib/i18n/lang';

export const dynamic = 'force-dynamic';
const body = z.object({
  callId: z.string().trim().max(100).optional(),
  number: z.string().trim().min(1, 'Нет номера клиента / No client number').max(40),
  line: z.string().trim().max(50).optional(),
  /** Standalone only (no Bitrix24 session): the extension to call from. */
  extension: z.string().trim().max(20).optional(),
  lang: z.string().max(5).optional(),
});

/** POST /api/call-card/redial — route with the manager's line and place the call; refusals come back with the reason. */
export async function POST(request: Request): Promise<Response> {
  try {
    const parsed = body.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]!.message, { number: parsed.error.issues[0]!.message });
    const db = getDb();
    const viewer = await resolveCardViewer(request, { localExtension: parsed.data.extension, placesCalls: true, db });
    const result = await redialFromCard({
      db,
      portalId: viewer.portalId,
      extension: viewer.extension,
      b24UserId: viewer.b24UserId,
      number: parsed.data.number,
      line: parsed.data.line ?? null,
      callId: parsed.data.callId ?? null,
      lang: pickLang(parsed.data.lang ?? request.headers.get('accept-language')),
    });
    return Response.json(result);
  } catch (error) {
    return errorResponse(error, 'POST /api/call-card/redial');
  }
}
