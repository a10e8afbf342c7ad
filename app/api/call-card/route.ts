import { describeCallCard } from '@/lib/calls/card/describe-call-card';
import { resolveCardViewer } from '@/lib/calls/card/resolve-card-viewer';
import { getDb } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { requestLang } from '@/lib/i18n/lang';

export const dynamic = 'force-dynamic';

/** GET /api/call-card?callId=&number=[&extension= standalone only] — the card's journal row, decision and lines. */
export async function GET(request: Request): Promise<Response> {
  try {
    const query = new URL(request.url).searchParams;
    const db = getDb();
    const viewer = await resolveCardViewer(request, { localExtension: query.get('extension'), db });
    const view = await describeCallCard({
      db,
      portalId: viewer.portalId,
      extension: viewer.extension,
      callId: query.get('callId')?.trim().slice(0, 100) || null,
      number: query.get('number')?.trim().slice(0, 40) || null,
      lang: requestLang(request),
    });
    return Response.json(view);
  } catch (error) {
    return errorResponse(error, 'GET /api/call-card');
  }
}
