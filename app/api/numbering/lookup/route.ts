import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { lookupCarriers } from '@/lib/numbering/store';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';

export const dynamic = 'force-dynamic';
const body = z.object({ numbers: z.string().max(200_000) });

/** The lookup box: one number per line (up to 1 000), each answered like `npm run numbering -- lookup`. */
export async function POST(request: Request): Promise<Response> {
  try {
    await resolveRequestPortal(request, { access: 'read' });
    const parsed = body.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError('INVALID_INPUT', 'Введите номера / Enter numbers', { numbers: 'Введите номера / Enter numbers' });
    return Response.json({ results: await lookupCarriers({ text: parsed.data.numbers }) });
  } catch (error) {
    return errorResponse(error, 'POST /api/numbering/lookup');
  }
}
