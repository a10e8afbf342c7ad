import { AppError, type AppErrorCode } from '../errors/app-error';

/**
 * An error as it crosses between the app and the dialplan process: structured cloning keeps an error's message but
 * not its class, so an AppError's code travels as data and is rebuilt on the other side (a portal that is not
 * installed stays a 404 there, not an internal error).
 */
export type CrossingError = {
  appError?: { code: AppErrorCode; message: string; fields?: Record<string, string> };
  message: string;
};

export function toCrossingError(error: unknown): CrossingError {
  const message = error instanceof Error ? error.message : String(error);
  return AppError.is(error) ? { appError: { code: error.code, message, fields: error.fields }, message } : { message };
}

export function fromCrossingError(error: CrossingError): Error {
  const { appError } = error;
  return appError ? new AppError(appError.code, appError.message, appError.fields) : new Error(error.message);
}
