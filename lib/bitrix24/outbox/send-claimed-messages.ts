import type { Db, Prisma } from '../../db/client';
import { encodeBracketQuery } from '../rest/encode-bracket-query';
import { callPortalRest, type RestCallOutcome } from '../rest/call-portal-rest';
import { getPortalClient } from '../rest/get-portal-client';
import type { ClaimedMessage } from './claim-due-messages';
import { classifyRestError } from './classify-rest-error';
import { computeBackoff } from './compute-backoff';
import { resolveOutboxRefs } from './outbox-ref';
import { readBatchCommandOutcome } from './read-batch-command-outcome';
import { findResendGuard } from './resend-guards';
import type { TokenBucket } from './token-bucket';
import { verifyEarlierSends, type OutboxSendItem } from './verify-earlier-sends';
import { log as logLine } from '../../log/log';

export type SendClaimedMessagesOptions = {
  db: Db;
  portalId: number;
  messages: ClaimedMessage[];
  bucket: TokenBucket;
  /** Bitrix24 caps a batch at 50 commands. */
  batchSize?: number;
  maxAttempts?: number;
  backoffCapMs?: number;
  log?: (line: string) => void;
};

export type SendStats = { requests: number; done: number; retried: number; failed: number };

const BAD_REFERENCE: RestCallOutcome = {
  ok: false,
  code: 'BAD_REFERENCE',
  description: 'a referenced result lacks the field',
  status: 400,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one portal's claimed messages: alone when one, else as `batch` requests of up to 50 commands (a batch is one
 * request against the portal's rate limit). A message whose earlier send may have reached the portal is first checked
 * against the portal where a repeat would change it twice (verifyEarlierSends). Every message then gets its own
 * verdict: done, retry later with backoff, or failed (permanent errors only, logged).
 */
export async function sendClaimedMessages(options: SendClaimedMessagesOptions): Promise<SendStats> {
  const { db, portalId, messages, bucket, batchSize = 50, maxAttempts = 25, backoffCapMs } = options;
  const log = options.log ?? ((line: string) => logLine.error(line));
  const stats: SendStats = { requests: 0, done: 0, retried: 0, failed: 0 };
  const ready: OutboxSendItem[] = [];
  for (const message of messages) {
    const params = resolveOutboxRefs(message.params as Record<string, unknown>, message.refResults);
    if (params) ready.push({ message, params });
    else await settle(message, BAD_REFERENCE);
  }
  const client = await getPortalClient({ portalId, db }).catch(() => null);
  const beforeRequest = async () => {
    const wait = bucket.reserve();
    if (wait > 0) await sleep(wait);
    stats.requests += 1;
  };
  for (let start = 0; start < ready.length; start += batchSize) {
    let chunk = ready.slice(start, start + batchSize);
    if (!client) {
      const gone = { ok: false as const, code: 'PORTAL_GONE', description: 'portal is not installed', status: 404 };
      for (const item of chunk) await settle(item.message, gone);
      continue;
    }
    const settled = await verifyEarlierSends({ client, items: chunk, beforeRequest, log });
    for (const item of chunk) {
      const outcome = settled.get(item.message.id);
      if (outcome) await settle(item.message, outcome, item.params);
    }
    chunk = chunk.filter((item) => !settled.has(item.message.id));
    if (chunk.length === 0) continue;
    for (const item of chunk) warnUnguardedResend(item.message, log);
    await beforeRequest();
    if (chunk.length === 1) {
      const only = chunk[0]!;
      await settle(only.message, await callPortalRest(client, only.message.method, only.params), only.params);
      continue;
    }
    const cmd = Object.fromEntries(
      chunk.map((item) => [`m${item.message.id}`, `${item.message.method}?${encodeBracketQuery(item.params)}`]),
    );
    const outcome = await callPortalRest(client, 'batch', { halt: 0, cmd });
    for (const item of chunk) {
      const own = outcome.ok ? readBatchCommandOutcome(outcome.result, `m${item.message.id}`) : outcome;
      await settle(item.message, own, item.params);
    }
  }
  return stats;

  /** Records the answer; `message.attempts` already counts this attempt (the claim counted it). */
  async function settle(message: ClaimedMessage, outcome: RestCallOutcome, params?: Record<string, unknown>) {
    const attempts = message.attempts;
    const where = { id: message.id, status: 'sending' };
    if (outcome.ok) {
      stats.done += 1;
      const result = toJson(outcome.result);
      const data = { status: 'done', attempts, result, lastError: null, doneAt: new Date() };
      await db.outboxMessage.updateMany({ where, data });
      return;
    }
    const { code, description, status } = outcome;
    const previousAttempts = attempts - 1;
    const verdict = classifyRestError({ method: message.method, code, description, status, previousAttempts });
    const lastError = `${code}${status ? ` (${status})` : ''}: ${description}`.slice(0, 500);
    if (verdict === 'already-done') {
      stats.done += 1;
      // Keep the CALL_ID a later message may refer to (attachRecord → finish's CALL_ID).
      const callId = typeof params?.CALL_ID === 'string' ? { CALL_ID: params.CALL_ID } : {};
      const result = { alreadyDone: true, ...callId };
      const data = { status: 'done', attempts, result, lastError, doneAt: new Date() };
      await db.outboxMessage.updateMany({ where, data });
    } else if (verdict === 'retry' && attempts < maxAttempts) {
      stats.retried += 1;
      const nextAttemptAt = new Date(Date.now() + computeBackoff({ attempt: attempts, capMs: backoffCapMs }));
      await db.outboxMessage.updateMany({ where, data: { status: 'pending', attempts, lastError, nextAttemptAt } });
    } else {
      stats.failed += 1;
      log(`[outbox] ${message.dedupeKey} ${message.method} failed for good after ${attempts} attempt(s): ${lastError}`);
      await db.outboxMessage.updateMany({ where, data: { status: 'failed', attempts, lastError } });
    }
  }
}

/** A method without a resend guard sent again after an attempt that may have arrived: at-least-once, said aloud. */
function warnUnguardedResend(message: ClaimedMessage, log: (line: string) => void): void {
  if (message.attempts > 1 && !findResendGuard(message.method)) {
    log(`[outbox] ${message.dedupeKey}: ${message.method} has no resend guard; sending it again may repeat its effect`);
  }
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return (value === undefined ? null : value) as Prisma.InputJsonValue;
}
