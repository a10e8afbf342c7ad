import type { Prisma } from '../../db/client';
import { getDb, type Db } from '../../db/client';
import type { OutboxRef } from './outbox-ref';
import { wakeOutboxWorkers } from './wake-outbox-workers';

export type EnqueueRestCallOptions = {
  portalId: number;
  method: string;
  params: Record<string, unknown> & {
    [key: string]: string | number | boolean | null | undefined | OutboxRef | object;
  };
  /** Idempotency key: enqueueing the same key again is a no-op (e.g. `finish:<CALL_ID>`). */
  dedupeKey: string;
  notBefore?: Date;
  db?: Db;
};

export type EnqueuedMessage = { id: number; created: boolean };

/**
 * Persists a Bitrix24 REST write before anything is sent; the outbox worker sends it. The same dedupeKey twice keeps
 * the first message (a repeated "call ended" notification cannot produce a second `finish`).
 */
export async function enqueueRestCall(options: EnqueueRestCallOptions): Promise<EnqueuedMessage> {
  const { portalId, method, params, dedupeKey, notBefore, db = getDb() } = options;
  const existing = await db.outboxMessage.findUnique({ where: { dedupeKey }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  try {
    const row = await db.outboxMessage.create({
      data: {
        portalId,
        method,
        params: params as Prisma.InputJsonValue,
        dedupeKey,
        nextAttemptAt: notBefore ?? new Date(),
      },
      select: { id: true },
    });
    if (!notBefore) wakeOutboxWorkers();
    return { id: row.id, created: true };
  } catch (error) {
    // Lost a race with a concurrent enqueue of the same key: the unique index kept exactly one.
    const raced = await db.outboxMessage.findUnique({ where: { dedupeKey }, select: { id: true } });
    if (raced) return { id: raced.id, created: false };
    throw error;
  }
}
