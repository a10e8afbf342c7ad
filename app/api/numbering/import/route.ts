import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { progressStreamResponse } from '@/lib/http/progress-stream-response';
import { withPortal } from '@/lib/http/with-portal';
import { importNumberingFile } from '@/lib/numbering/store';

export const dynamic = 'force-dynamic';
const query = z.object({
  fileName: z.string().trim().min(1, 'error.chooseFile').max(200),
  acceptRowErrors: z.enum(['0', '1']).default('0'),
  acceptShrink: z.enum(['0', '1']).default('0'),
});

/**
 * Upload of a registry extract or an MNP export (the raw file as the body); NDJSON progress, then the result. Every
 * portal routes by this data, so only the installation's operator may upload it, not a portal's admin.
 */
export const POST = withPortal({ access: 'operator', query, bodyKind: 'stream' }, async ({ request, query, lang }) => {
  if (!request.body) throw new AppError('INVALID_INPUT', 'error.chooseFile', { file: 'error.chooseFile' });
  const length = Number(request.headers.get('content-length') ?? NaN);
  const chunks = request.body;
  return progressStreamResponse({
    context: 'POST /api/numbering/import',
    lang,
    run: (report) =>
      importNumberingFile({
        chunks,
        fileName: query.fileName,
        totalBytes: Number.isFinite(length) ? length : undefined,
        source: 'upload',
        db: getDb(),
        acceptRowErrors: query.acceptRowErrors === '1',
        acceptShrink: query.acceptShrink === '1',
        onProgress: report,
      }),
  });
});
