import type { Prisma } from '../../db/client';
import { getDb } from '../../db/client';
import { enqueueRestCall, type EnqueueRestCallOptions } from './enqueue-rest-call';
import { listOutboxRefs } from './outbox-ref';
import { portalBucket } from './portal-buckets';
import { readOutboxRefs } from './read-outbox-refs';
import { sendClaimedMessages } from './send-claimed-messages';

export type SendRestCallNowOptions = Omit<EnqueueRestCallOptions, 'notBefore'> & { leaseMs?: number };

/**
 * A REST write that must leave while the phone rings (an incoming call's card): persisted already claimed by this
 * process — one INSERT of a row in 'sending' with its attempt counted, exactly what a claim would leave — then sent at
 * once, without the read and compare-and-set of a later claim. Should this process die before the answer is
 * recorded, the lease ends and the worker sends it again like any claimed message. When its key exists already (a
 * replay, another instance), nothing is sent: that row is someone else's. Enqueued for the worker instead when a
 * message it refers to is not done or the portal's rate limit has no request to spare. True when it was sent.
 */
export async function sendRestCallNow(options: SendRestCallNowOptions): Promise<boolean> {
  const { portalId, method, params, dedupeKey, leaseMs = 120_000, db = getDb() } = options;
  const keys = listOutboxRefs(params);
  const refs = await readOutboxRefs(db, keys);
  const bucket = portalBucket(portalId);
  const refsDone = keys.every((key) => refs.get(key)?.status === 'done');
  if (!refsDone || !bucket.hasToken()) {
    await enqueueRestCall(options);
    return false;
  }
  const row = await db.outboxMessage
    .create({
      data: {
        portalId,
        method,
        params: params as Prisma.InputJsonValue,
        dedupeKey,
        status: 'sending',
        attempts: 1,
        nextAttemptAt: new Date(Date.now() + leaseMs),
      },
    })
    .catch((error: { code?: string }) => {
      if (error.code === 'P2002') return null;
      throw error;
    });
  if (!row) return false;
  const refResults = new Map(keys.map((key) => [key, refs.get(key)?.result]));
  await sendClaimedMessages({ db, portalId, messages: [{ ...row, refResults }], bucket });
  return true;
}
