/** What one outgoing call says about the SIM that dialled it. */
export type SimAttempt = 'ok' | 'failure' | 'short' | 'neutral';

export type ClassifySimAttemptOptions = {
  /** The call's Bitrix24 STATUS_CODE as the tracker worked it out once (lib/calls/b24-status-code.ts). */
  statusCode: string;
  talkSec: number;
  shortCallSeconds: number;
};

/**
 * The network or the gateway refused the SIM: no circuit, network out of order, operator barring, no credit, a
 * facility not subscribed. A busy or silent client, a wrong number or a caller who gave up say nothing about the SIM.
 */
const GATEWAY_FAILURES: ReadonlySet<string> = new Set(['503', '423', '402', '403']);

export function classifySimAttempt({ statusCode, talkSec, shortCallSeconds }: ClassifySimAttemptOptions): SimAttempt {
  if (statusCode === '200') return talkSec < shortCallSeconds ? 'short' : 'ok';
  return GATEWAY_FAILURES.has(statusCode) ? 'failure' : 'neutral';
}
