import type { MessageKey } from '../i18n/messages';

/**
 * An expected failure with a message fit to show a person (admin UI, CLI, start-up line).
 * Anything that is not an AppError is unexpected: log it, show a generic message.
 *
 * The message is a key of lib/i18n, rendered in the reader's language where the error is answered
 * (lib/http/error-response). A site that only has a run-time text (a parser's line, a config detail) passes the text;
 * it is shown as is.
 */
export type AppErrorCode =
  | 'CONFIG_INVALID'
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAVAILABLE';

const httpStatus: Record<AppErrorCode, number> = {
  CONFIG_INVALID: 500,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
};

/** A message key of lib/i18n, or a run-time text shown as is (the intersection keeps editors suggesting the keys). */
export type AppErrorMessage = MessageKey | (string & Record<never, never>);
/** Values for `{name}` placeholders in the key's text. */
export type AppErrorParams = Record<string, string | number>;

/** A global symbol, so an AppError made by another copy of this module (the dialplan bundle, a test) is still one. */
const BRAND = Symbol.for('b24cc.AppError');

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The lib/i18n key (or run-time text) of the message; `message` holds the same, for logs and stacks. */
  readonly key: AppErrorMessage;
  /** Field-level messages for forms, keyed by field path: message keys or run-time texts. */
  readonly fields?: Record<string, AppErrorMessage>;
  readonly params?: AppErrorParams;
  readonly [BRAND] = true;

  constructor(
    code: AppErrorCode,
    key: AppErrorMessage,
    fields?: Record<string, AppErrorMessage>,
    params?: AppErrorParams,
  ) {
    super(key);
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.fields = fields;
    this.params = params;
  }

  get status(): number {
    return httpStatus[this.code];
  }

  static is(value: unknown): value is AppError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
