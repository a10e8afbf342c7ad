/**
 * A long import answered as NDJSON: progress lines while it runs, then one `{"done": …}` or `{"error": …}` line. The
 * upload box draws its progress bar from these lines; a plain JSON answer would leave the admin staring at a spinner
 * for a 50 MB file. An AppError's message reaches the page; anything else is logged and answered generically.
 */
import { AppError } from '../errors/app-error';
import { renderAppError, renderMessage } from '../errors/render-app-error';
import type { Lang } from '../i18n/lang';
import { log } from '../log/log';

export type ProgressStreamOptions<P, R> = {
  context: string;
  /** The reader's language for an error line. */
  lang?: Lang;
  run: (report: (progress: P) => void) => Promise<R>;
};

export function progressStreamResponse<P, R>({ context, lang = 'ru', run }: ProgressStreamOptions<P, R>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const result = await run((progress) => send({ progress }));
        send({ done: result });
      } catch (error) {
        if (AppError.is(error)) {
          const { code, message } = renderAppError(error, lang);
          send({ error: { code, message } });
        } else {
          log.error('unexpected error', { context, error });
          send({ error: { code: 'INTERNAL', message: renderMessage('error.internal', lang) } });
        }
      } finally {
        controller.close();
      }
    },
  });
  const headers = { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' };
  return new Response(body, { headers });
}
