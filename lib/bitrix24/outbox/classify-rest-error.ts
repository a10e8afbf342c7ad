/** What the outbox does with a failed REST write. */
export type RestErrorVerdict = 'retry' | 'already-done' | 'permanent';

export type ClassifyRestErrorOptions = {
  method: string;
  code: string;
  description?: string;
  /** HTTP status; 0 = no answer (network). */
  status: number;
  /** Attempts made before this one: a `finish` that fails "not found" after an unanswered attempt already ran. */
  previousAttempts: number;
};

const TRANSIENT_CODES = new Set([
  'QUERY_LIMIT_EXCEEDED',
  'OPERATION_TIME_LIMIT',
  'OVERLOAD_LIMIT',
  'INTERNAL_SERVER_ERROR',
  'expired_token',
  'invalid_token',
  'NETWORK_ERROR',
  'REQUEST_TIMEOUT',
  'JSSDK_CALL_ALL_ATTEMPTS_EXHAUSTED',
  'JSSDK_OAUTH_TOKEN_REFRESH_FAILED',
]);

/**
 * Network errors, 5xx, rate/time limits and token expiry are transient; anything else the portal answered is the
 * request's own fault and retrying would resend a malformed request (Market rules forbid it).
 * `finish` is not idempotent: when an earlier attempt may have reached the portal, "Call is not found" means that
 * attempt finished the call — success, not failure; likewise "already exists" for a repeated externalLine.add.
 * `previousAttempts` counts sends started before this one, including a worker's that died before its answer.
 */
export function classifyRestError(options: ClassifyRestErrorOptions): RestErrorVerdict {
  const { method, code, description = '', status, previousAttempts } = options;
  const name = method.toLowerCase();
  const repeated = previousAttempts > 0;
  const finished = name === 'telephony.externalcall.finish' && /call is not found/i.test(description);
  if (repeated && finished) return 'already-done';
  if (repeated && name === 'telephony.externalline.add' && /already exists/i.test(description)) return 'already-done';
  const bind = name === 'event.bind' || name === 'placement.bind';
  if (bind && /already binded/i.test(description)) return 'already-done';
  if (status === 0 || status >= 500 || status === 429 || TRANSIENT_CODES.has(code)) return 'retry';
  if (/^(E[A-Z]+|ERR_[A-Z_]+)$/.test(code)) return 'retry'; // ECONNRESET, ETIMEDOUT, ERR_SOCKET…: no answer
  return 'permanent';
}
