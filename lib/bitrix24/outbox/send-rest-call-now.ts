import type { Prisma } from '../../db/client';
import { getDb } from '../../db/client';
import { enqueueRestCall, type EnqueueRestCallOptions } from './enqueue-rest-call';
import { listOutboxRefs } from './outbox-ref';
import { portalBucket } from './portal-buckets';
import { readOutboxRefs } from './read-outbox-refs';
import { sendClaimedMessages } from './send-claimed-messages';
import { log } from '../../log/log';

export type SendRestCallNowOptions = Omit<EnqueueRestCallOptions, 'notBefore'> & {
  leaseMs?: number;
  /**
   * Resolve once the request is on its way, not when Bitrix24 has answered: the caller's next message goes out
   * meanwhile (the next ringing user's card). A later sendRestCallNow that refers to this one still waits for its answer.
   */
  returnWhenSent?: boolean;
};

const holder = globalThis as typeof globalThis & { __restCallsInFlight?: Map<string, Promise<unknown>> };
/** This process's sends still waiting for Bitrix24, by dedupe key (on globalThis: Next bundles this module twice). */
const inFlight = (holder.__restCallsInFlight ??= new Map());

/**
 * A REST write that must leave while the phone rings (an incoming call's card): persisted already claimed by this
 * process — one INSERT of a row in 'sending' with its attempt counted, exactly what a claim would leave — then sent at
 * once, without the read and compare-and-set of a later claim. Should this process die before the answer is
 * recorded, the lease ends and the worker sends it again like any claimed message. When its key exists already (a
 * replay, another instance), nothing is sent: that row is someone else's. Enqueued for the worker instead when a
 * message it refers to is not done (nor being sent by this process: then it waits for that answer) or the portal's
 * rate limit has no request to spare. True when it was sent (or is on its way: options.returnWhenSent).
 */
export async function sendRestCallNow(options: SendRestCallNowOptions): Promise<boolean> {
  const { portalId, method, params, dedupeKey, leaseMs = 120_000, db = getDb() } = options;
  const keys = listOutboxRefs(params);
  // A message it refers to that this process is sending now: its answer is a round trip away, not a worker's round.
  await Promise.all(keys.map((key) => inFlight.get(key)));
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
  const sending = sendClaimedMessages({ db, portalId, messages: [{ ...row, refResults }], bucket }).finally(() =>
    inFlight.delete(dedupeKey),
  );
  // Unsettled (a database error), the row keeps its lease and the worker sends it again when the lease ends.
  inFlight.set(
    dedupeKey,
    sending.catch(() => undefined),
  );
  if (!options.returnWhenSent) await sending;
  else
    sending.catch((error: unknown) =>
      log.error('outbox: a message sent at once was not settled', { dedupeKey, error }),
    );
  return true;
}
