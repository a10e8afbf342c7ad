/**
 * An expected failure with a message fit to show a person (admin UI, CLI, start-up line).
 * Anything that is not an AppError is unexpected: log it, show a generic message.
 */
export type AppErrorCode =
  | 'CONFIG_INVALID'
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'UNAVAILABLE';

const httpStatus: Record<AppErrorCode, number> = {
  CONFIG_INVALID: 500,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
};

/**
 * Marks every AppError, whichever copy of this module made it: the Next.js server holds several copies and the dialplan
 * process's bundle another, so `instanceof` alone would take a copy's AppError for an unexpected error.
 */
const BRAND = Symbol.for('b24cc.AppError');

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field-level messages for forms, keyed by field path. */
  readonly fields?: Record<string, string>;

  constructor(code: AppErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    Object.defineProperty(this, BRAND, { value: true });
  }

  get status(): number {
    return httpStatus[this.code];
  }

  static is(value: unknown): value is AppError {
    if (value instanceof AppError) return true;
    if (typeof value !== 'object' || value === null || (value as Record<symbol, unknown>)[BRAND] !== true) return false;
    const { code } = value as { code?: unknown };
    return typeof code === 'string' && Object.hasOwn(httpStatus, code);
  }
}
