import { FAILOVER_RULE } from './failover-rule';

export type ClassifyDialAttemptOptions = {
  /** Dial()'s DIALSTATUS. */
  dialStatus: string | null;
  /** The Q.850 hangup cause of the line's channel (HANGUPCAUSE). */
  cause: number | null;
  /** The SIP response the gateway sent, when the line is SIP and answered with one. */
  sipCode: number | null;
};

/** `next`: the line could not carry the call, try the next one; `stop`: the client was reached, or nothing says why. */
export type DialAttemptVerdict = { action: 'next' | 'stop'; why: DialAttemptWhy };
export type DialAttemptWhy = 'clientReached' | 'gatewayFailed' | 'unknown';

const has = <T>(list: readonly T[], value: T | null): boolean => value !== null && list.includes(value);

/**
 * Whether a failed attempt may move to the next line. The client's side wins: a busy client behind a congested
 * network (cause 17 with CONGESTION) is still a busy client, and calling them again through another line is wrong.
 */
export function classifyDialAttempt({ dialStatus, cause, sipCode }: ClassifyDialAttemptOptions): DialAttemptVerdict {
  const status = dialStatus?.trim().toUpperCase() || null;
  if (
    has(FAILOVER_RULE.stopDialStatuses, status) ||
    has(FAILOVER_RULE.stopCauses, cause) ||
    has(FAILOVER_RULE.stopSipCodes, sipCode)
  )
    return { action: 'stop', why: 'clientReached' };
  if (
    has(FAILOVER_RULE.nextDialStatuses, status) ||
    has(FAILOVER_RULE.nextCauses, cause) ||
    has(FAILOVER_RULE.nextSipCodes, sipCode)
  )
    return { action: 'next', why: 'gatewayFailed' };
  return { action: 'stop', why: 'unknown' };
}
