import type { B24OAuth } from '@bitrix24/b24jssdk';
import { callPortalRest, type RestCallOutcome } from '../rest/call-portal-rest';
import { encodeBracketQuery } from '../rest/encode-bracket-query';
import type { ClaimedMessage } from './claim-due-messages';
import { classifyRestError } from './classify-rest-error';
import { readBatchCommandOutcome } from './read-batch-command-outcome';
import { findResendGuard, type CallHistoryRow } from './resend-guards';

export type OutboxSendItem = { message: ClaimedMessage; params: Record<string, unknown> };

export type VerifyEarlierSendsOptions = {
  client: B24OAuth;
  /** At most one batch worth (50): the check is one `batch` request. */
  items: OutboxSendItem[];
  /** Waits for the portal's rate limit; called only when a request is made. */
  beforeRequest: () => Promise<void>;
  log: (line: string) => void;
};

const HISTORY_METHOD = 'voximplant.statistic.get';

/**
 * Before a message is sent again, reads the portal's call history for the messages whose earlier send may have
 * arrived (a previous attempt started: claims count attempts before the network write) and whose method would
 * change the portal twice (see resend-guards). Returns the messages not to send now, by id: those whose effect is
 * already there (an ok outcome: done without a second send) and those whose check must be retried (its failure).
 */
export async function verifyEarlierSends(options: VerifyEarlierSendsOptions): Promise<Map<number, RestCallOutcome>> {
  const { client, items, beforeRequest, log } = options;
  const settled = new Map<number, RestCallOutcome>();
  const checks = items.flatMap(({ message, params }) => {
    const guard = findResendGuard(message.method);
    const callId = params.CALL_ID;
    if (message.attempts <= 1 || guard?.kind !== 'check-call-history' || typeof callId !== 'string') return [];
    return [{ message, guard, callId }];
  });
  if (checks.length === 0) return settled;
  await beforeRequest();
  const query = (callId: string) => `${HISTORY_METHOD}?${encodeBracketQuery({ FILTER: { CALL_ID: callId } })}`;
  const cmd = Object.fromEntries(checks.map(({ message, callId }) => [`h${message.id}`, query(callId)]));
  const answer = await callPortalRest(client, 'batch', { halt: 0, cmd });
  for (const { message, guard } of checks) {
    const outcome = answer.ok ? readBatchCommandOutcome(answer.result, `h${message.id}`) : answer;
    if (!outcome.ok) {
      const { code, description, status } = outcome;
      const verdict = classifyRestError({ method: HISTORY_METHOD, code, description, status, previousAttempts: 0 });
      // A passing failure: check again later. A refusal (e.g. no right to the statistics): send again, as before.
      if (verdict === 'retry') settled.set(message.id, outcome);
      else log(`[outbox] ${message.dedupeKey}: call history unreadable (${code}), sending ${message.method} again`);
      continue;
    }
    const rows = Array.isArray(outcome.result) ? (outcome.result as CallHistoryRow[]) : [];
    const applied = guard.applied(rows[0]);
    if (applied !== undefined) settled.set(message.id, { ok: true, result: applied });
  }
  return settled;
}
