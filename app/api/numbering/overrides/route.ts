import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { listNumberOverrides } from '@/lib/numbering/store';
import { removeNumberOverride } from '@/lib/numbering/store';
import { setNumberOverride } from '@/lib/numbering/store';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';

export const dynamic = 'force-dynamic';
const setBody = z.object({ number: z.string().max(40), inn: z.string().max(20), note: z.string().max(200).optional() });

export async function GET(request: Request): Promise<Response> {
  try {
    await resolveRequestPortal(request, { access: 'read' });
    const search = new URL(request.url).searchParams.get('search') ?? '';
    return Response.json(await listNumberOverrides({ db: getDb(), search }), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'GET /api/numbering/overrides');
  }
}

/** Sets the admin's carrier for one number; 400 {fields: {number|inn}} on a bad number or an unknown ИНН. */
export async function PUT(request: Request): Promise<Response> {
  try {
    await resolveRequestPortal(request, { access: 'write' });
    const parsed = setBody.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError('INVALID_INPUT', 'Укажите номер и ИНН / Enter a number and an ИНН');
    return Response.json(await setNumberOverride({ db: getDb(), ...parsed.data }));
  } catch (error) {
    return errorResponse(error, 'PUT /api/numbering/overrides');
  }
}

export async function DELETE(request: Request): Promise<Response> {
  try {
    await resolveRequestPortal(request, { access: 'write' });
    const number = new URL(request.url).searchParams.get('number') ?? '';
    return Response.json(await removeNumberOverride({ db: getDb(), number }));
  } catch (error) {
    return errorResponse(error, 'DELETE /api/numbering/overrides');
  }
}
