import { TokenBucket } from './token-bucket';

export type OutboxRate = { ratePerSecond: number; burst: number };

/** Bitrix24's standard plans: 2 requests/s sustained per portal, with a short burst. */
const STANDARD: OutboxRate = { ratePerSecond: 2, burst: 10 };
const holder = globalThis as typeof globalThis & {
  __outboxBuckets?: Map<number, TokenBucket>;
  __outboxRate?: OutboxRate;
};
const buckets = (holder.__outboxBuckets ??= new Map());

/** Every sender in this process (the worker's rounds, an immediate send) shares one bucket per portal. */
export function portalBucket(portalId: number, rate: OutboxRate = holder.__outboxRate ?? STANDARD): TokenBucket {
  let bucket = buckets.get(portalId);
  if (!bucket) buckets.set(portalId, (bucket = new TokenBucket(rate)));
  return bucket;
}

/** The rate new buckets get (a worker started with its own rate sets it); existing buckets start over. */
export function setOutboxRate(rate: OutboxRate): void {
  holder.__outboxRate = rate;
  buckets.clear();
}
