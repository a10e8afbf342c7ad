import type { Db, Prisma } from '../../db/client';
import { encodeBracketQuery } from '../rest/encode-bracket-query';
import { callPortalRest, type RestCallOutcome } from '../rest/call-portal-rest';
import { getPortalClient } from '../rest/get-portal-client';
import type { ClaimedMessage } from './claim-due-messages';
import { classifyRestError } from './classify-rest-error';
import { computeBackoff } from './compute-backoff';
import { resolveOutboxRefs } from './outbox-ref';
import type { TokenBucket } from './token-bucket';
import { log as logLine } from '../../log/log';

export type SendClaimedMessagesOptions = {
  db: Db;
  portalId: number;
  messages: ClaimedMessage[];
  bucket: TokenBucket;
  /** Bitrix24 caps a batch at 50 commands (reference §4). */
  batchSize?: number;
  maxAttempts?: number;
  log?: (line: string) => void;
};

export type SendStats = { requests: number; done: number; retried: number; failed: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one portal's claimed messages: alone when one, else as `batch` requests of up to 50 commands (a batch is one
 * request against the portal's rate limit). Every message then gets its own verdict: done, retry later with backoff,
 * or failed (permanent errors only, logged).
 */
export async function sendClaimedMessages(options: SendClaimedMessagesOptions): Promise<SendStats> {
  const { db, portalId, messages, bucket, batchSize = 50, maxAttempts = 25, log = (line) => logLine.error(line) } = options;
  const stats: SendStats = { requests: 0, done: 0, retried: 0, failed: 0 };
  const ready: Array<{ message: ClaimedMessage; params: Record<string, unknown> }> = [];
  for (const message of messages) {
    const params = resolveOutboxRefs(message.params as Record<string, unknown>, message.refResults);
    if (params) ready.push({ message, params });
    else await settle(message, { ok: false, code: 'BAD_REFERENCE', description: 'a referenced result lacks the field', status: 400 });
  }
  const client = await getPortalClient({ portalId, db }).catch(() => null);
  for (let start = 0; start < ready.length; start += batchSize) {
    const chunk = ready.slice(start, start + batchSize);
    if (!client) {
      for (const item of chunk) await settle(item.message, { ok: false, code: 'PORTAL_GONE', description: 'portal is not installed', status: 404 });
      continue;
    }
    const wait = bucket.reserve();
    if (wait > 0) await sleep(wait);
    stats.requests += 1;
    if (chunk.length === 1) {
      const only = chunk[0]!;
      await settle(only.message, await callPortalRest(client, only.message.method, only.params));
      continue;
    }
    const cmd = Object.fromEntries(chunk.map((item) => [`m${item.message.id}`, `${item.message.method}?${encodeBracketQuery(item.params)}`]));
    const outcome = await callPortalRest(client, 'batch', { halt: 0, cmd });
    for (const item of chunk) await settle(item.message, outcome.ok ? commandOutcome(outcome.result, `m${item.message.id}`) : outcome);
  }
  return stats;

  async function settle(message: ClaimedMessage, outcome: RestCallOutcome): Promise<void> {
    const attempts = message.attempts + 1;
    const where = { id: message.id, status: 'sending' };
    if (outcome.ok) {
      stats.done += 1;
      await db.outboxMessage.updateMany({ where, data: { status: 'done', attempts, result: toJson(outcome.result), lastError: null, doneAt: new Date() } });
      return;
    }
    const verdict = classifyRestError({ method: message.method, code: outcome.code, description: outcome.description, status: outcome.status, previousAttempts: message.attempts });
    const lastError = `${outcome.code}${outcome.status ? ` (${outcome.status})` : ''}: ${outcome.description}`.slice(0, 500);
    if (verdict === 'already-done') {
      stats.done += 1;
      await db.outboxMessage.updateMany({ where, data: { status: 'done', attempts, result: { alreadyDone: true }, lastError, doneAt: new Date() } });
    } else if (verdict === 'retry' && attempts < maxAttempts) {
      stats.retried += 1;
      const nextAttemptAt = new Date(Date.now() + computeBackoff({ attempt: attempts }));
      await db.outboxMessage.updateMany({ where, data: { status: 'pending', attempts, lastError, nextAttemptAt } });
    } else {
      stats.failed += 1;
      log(`[outbox] ${message.dedupeKey} ${message.method} failed for good after ${attempts} attempt(s): ${lastError}`);
      await db.outboxMessage.updateMany({ where, data: { status: 'failed', attempts, lastError } });
    }
  }
}

/** One command's answer inside a batch response: result[key] or result_error[key]. */
function commandOutcome(batchResult: unknown, key: string): RestCallOutcome {
  const body = (batchResult ?? {}) as { result?: unknown; result_error?: unknown };
  const errors = (body.result_error ?? {}) as Record<string, { error?: string; error_description?: string }>;
  const error = Array.isArray(errors) ? undefined : errors[key];
  if (error) {
    const code = String(error.error ?? 'UNKNOWN');
    // Inside a batch there is no HTTP status per command; the code tells the kind.
    return { ok: false, code, description: String(error.error_description ?? ''), status: code === 'INTERNAL_SERVER_ERROR' ? 500 : 400 };
  }
  const results = (body.result ?? {}) as Record<string, unknown>;
  if (!Array.isArray(results) && key in results) return { ok: true, result: results[key] };
  // Neither result nor error: the portal skipped the command (halt) — try it again.
  return { ok: false, code: 'BATCH_SKIPPED', description: 'no result for the command', status: 503 };
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return (value === undefined ? null : value) as Prisma.InputJsonValue;
}
