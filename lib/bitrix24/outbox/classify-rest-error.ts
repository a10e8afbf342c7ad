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
 * Network errors, 5xx, rate/time limits and token expiry are transient (reference §4); anything else the portal
 * answered is the request's own fault and retrying would resend a malformed request (Market rules forbid it).
 * `finish` is not idempotent (§1.4): when an earlier attempt may have reached the portal, "Call is not found" means
 * that attempt finished the call — success, not failure. Same for `attachRecord` replacing a record.
 */
export function classifyRestError({ method, code, description = '', status, previousAttempts }: ClassifyRestErrorOptions): RestErrorVerdict {
  const name = method.toLowerCase();
  if (name === 'telephony.externalcall.finish' && previousAttempts > 0 && /call is not found/i.test(description)) return 'already-done';
  if (name === 'event.bind' && /already binded/i.test(description)) return 'already-done';
  if (name === 'placement.bind' && /already binded/i.test(description)) return 'already-done';
  if (status === 0 || status >= 500 || status === 429 || TRANSIENT_CODES.has(code)) return 'retry';
  if (/^(E[A-Z]+|ERR_[A-Z_]+)$/.test(code)) return 'retry'; // ECONNRESET, ETIMEDOUT, ERR_SOCKET…: no answer
  return 'permanent';
}
