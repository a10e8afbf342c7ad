import { AppError } from '../errors/app-error';

const UNEXPECTED = 'Внутренняя ошибка — попробуйте позже / Internal error — try again later';

/**
 * The API's error shape, `{ message, fields? }`: an AppError keeps its status and person-readable text; anything else is
 * a bug, logged with its stack here and answered with a generic 500 so internals never reach the browser.
 */
export function errorResponse(error: unknown, context: string): Response {
  if (AppError.is(error)) {
    return Response.json({ code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) }, { status: error.status });
  }
  console.error(`[${context}] unexpected error`, error);
  return Response.json({ code: 'INTERNAL', message: UNEXPECTED }, { status: 500 });
}
