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

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field-level messages for forms, keyed by field path. */
  readonly fields?: Record<string, string>;

  constructor(code: AppErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return httpStatus[this.code];
  }

  static is(value: unknown): value is AppError {
    return value instanceof AppError;
  }
}
