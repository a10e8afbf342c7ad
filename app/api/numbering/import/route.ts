import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { progressStreamResponse } from '@/lib/http/progress-stream-response';
import { importNumberingFile } from '@/lib/numbering/store';
import { resolveRequestPortal } from '@/lib/portals/resolve-request-portal';

export const dynamic = 'force-dynamic';
const query = z.object({
  fileName: z.string().trim().min(1).max(200),
  acceptRowErrors: z.enum(['0', '1']).default('0'),
  acceptShrink: z.enum(['0', '1']).default('0'),
});

/** Upload of a registry extract or an MNP export (the raw file as the body); answers NDJSON progress, then the result. */
export async function POST(request: Request): Promise<Response> {
  try {
    await resolveRequestPortal(request, { access: 'write' });
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success || !request.body) throw new AppError('INVALID_INPUT', 'Выберите файл / Choose a file', { file: 'Выберите файл / Choose a file' });
    const length = Number(request.headers.get('content-length') ?? NaN);
    const chunks = request.body;
    return progressStreamResponse({
      context: 'POST /api/numbering/import',
      run: (report) =>
        importNumberingFile({
          chunks,
          fileName: parsed.data.fileName,
          totalBytes: Number.isFinite(length) ? length : undefined,
          source: 'upload',
          db: getDb(),
          acceptRowErrors: parsed.data.acceptRowErrors === '1',
          acceptShrink: parsed.data.acceptShrink === '1',
          onProgress: report,
        }),
    });
  } catch (error) {
    return errorResponse(error, 'POST /api/numbering/import');
  }
}
