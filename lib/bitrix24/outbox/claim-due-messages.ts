import type { Db, OutboxMessageModel } from '../../db/client';
import { listOutboxRefs } from './outbox-ref';
import { readOutboxRefs } from './read-outbox-refs';

export type ClaimDueMessagesOptions = { db: Db; now?: Date; limit?: number; leaseMs?: number; waitMs?: number };

export type ClaimedMessage = OutboxMessageModel & { refResults: Map<string, unknown> };

/** How long a message waits for the message it refers to before it is looked at again. */
export const REF_WAIT_MS = 300;

/**
 * Takes due messages for sending. Each claim is a compare-and-set UPDATE (id + the status and nextAttemptAt we read),
 * so of two workers racing for a row exactly one changes it — on SQLite and PostgreSQL alike, without row locks.
 * A claim is a lease: a worker that dies mid-send leaves the row 'sending', and it becomes due again when the lease
 * ends. The claim counts the attempt before anything is sent, so whoever sends next knows an earlier send may have
 * reached the portal (`attempts` > 1), even when the worker died before recording its answer.
 * Messages whose referenced message is not done yet are pushed back a little; if it failed, they fail too.
 */
export async function claimDueMessages(options: ClaimDueMessagesOptions): Promise<ClaimedMessage[]> {
  const { db, now = new Date(), limit = 200, leaseMs = 120_000, waitMs = REF_WAIT_MS } = options;
  const due = await db.outboxMessage.findMany({
    where: { status: { in: ['pending', 'sending'] }, nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  if (due.length === 0) return [];
  const refKeys = [...new Set(due.flatMap((row) => listOutboxRefs(row.params as Record<string, unknown>)))];
  const refs = await readOutboxRefs(db, refKeys);
  const claimed: ClaimedMessage[] = [];
  const waiting: number[] = [];
  for (const row of due) {
    const keys = listOutboxRefs(row.params as Record<string, unknown>);
    const same = { id: row.id, status: row.status, nextAttemptAt: row.nextAttemptAt };
    const failedRef = keys.find((key) => refs.get(key)?.status === 'failed');
    if (failedRef) {
      const lastError = `depends on ${failedRef}, which failed`;
      await db.outboxMessage.updateMany({ where: same, data: { status: 'failed', lastError } });
      continue;
    }
    if (keys.some((key) => refs.get(key)?.status !== 'done')) {
      waiting.push(row.id);
      continue;
    }
    const attempts = row.attempts + 1;
    const leaseEnd = new Date(now.getTime() + leaseMs);
    const lease = { status: 'sending', attempts, nextAttemptAt: leaseEnd };
    const won = await db.outboxMessage.updateMany({ where: same, data: lease });
    if (won.count === 1) {
      const refResults = new Map(keys.map((key) => [key, refs.get(key)?.result]));
      claimed.push({ ...row, status: 'sending', attempts, nextAttemptAt: leaseEnd, refResults });
    }
  }
  // One write pushes every waiting message back (a burst of calls leaves many shows waiting for their registers); a row
  // another worker claimed meanwhile has a later nextAttemptAt and is left alone.
  if (waiting.length > 0)
    await db.outboxMessage.updateMany({
      where: { id: { in: waiting }, status: { in: ['pending', 'sending'] }, nextAttemptAt: { lte: now } },
      data: { nextAttemptAt: new Date(now.getTime() + waitMs) },
    });
  return claimed;
}
