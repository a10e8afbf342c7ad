import { AppError } from '../errors/app-error';
import { renderAppError, renderMessage } from '../errors/render-app-error';
import type { Lang } from '../i18n/lang';
import { log } from '../log/log';

export type ErrorResponseOptions = { context: string; lang: Lang };

/**
 * The API's error shape, `{ code, message, fields? }`: an AppError keeps its status, and its message is rendered in
 * the reader's language; anything else is a bug, logged with its stack here and answered with a generic 500 so
 * internals never reach the browser.
 */
export function errorResponse(error: unknown, { context, lang }: ErrorResponseOptions): Response {
  const headers = { 'Cache-Control': 'no-store' };
  if (AppError.is(error)) return Response.json(renderAppError(error, lang), { status: error.status, headers });
  log.error('unexpected error', { context, error });
  return Response.json({ code: 'INTERNAL', message: renderMessage('error.internal', lang) }, { status: 500, headers });
}
