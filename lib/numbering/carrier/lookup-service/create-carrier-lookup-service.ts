import { findCarrierByMnpOwnerId } from '../../registry';
import { log } from '../../../log/log';

/** A carrier answer from an HLR/MNP service: where the number is served now. */
export type LookupServiceAnswer = { e164: string; inn: string; ownerId: string | null };

export type CarrierLookupService = {
  /** Asks in the background; returns at once. Repeated or recent numbers are not asked again. */
  request(e164: string): void;
  /** Settles when nothing is in flight or queued (tests, CLI). */
  idle(): Promise<void>;
};

export type CreateCarrierLookupServiceOptions = {
  url: string;
  token?: string;
  onAnswer: (answer: LookupServiceAnswer) => Promise<void> | void;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** Parallel requests: HLR services rate-limit, and one answer per call is plenty. */
  concurrency?: number;
  /** Beyond this the request is dropped: the lookup is an improvement, never a backlog that grows without end. */
  maxQueued?: number;
  /** A number asked (answered or failed) is not asked again for this long. */
  quietMs?: number;
  now?: () => number;
};

/**
 * An HLR/MNP lookup service behind a queue. HLR answers take from ~100 ms to seconds, so the call
 * path never waits: it routes by what is known now and calls `request`; the answer, when it comes, becomes a learned
 * override that the next call to the number uses. Speaks the Exolve shape (POST {"number"} → {"owner_id": "mMTS"}),
 * which uses the same owner ids as the MNP files; an answer with "inn" is taken as is.
 */
export function createCarrierLookupService(options: CreateCarrierLookupServiceOptions): CarrierLookupService {
  const {
    url,
    token,
    onAnswer,
    fetchImpl = fetch,
    timeoutMs = 5_000,
    concurrency = 4,
    maxQueued = 1_000,
    quietMs = 10 * 60_000,
    now = Date.now,
  } = options;
  const askedAt = new Map<string, number>();
  const queue: string[] = [];
  let running = 0;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (running === 0 && queue.length === 0) {
      for (const resolve of waiters) resolve();
      waiters = [];
    }
  };
  const pump = () => {
    while (running < concurrency && queue.length > 0) {
      const e164 = queue.shift()!;
      running += 1;
      void ask(e164).finally(() => {
        running -= 1;
        pump();
        settle();
      });
    }
  };
  const ask = async (e164: string) => {
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ number: e164 }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const answer = readAnswer(e164, await response.json());
      if (answer) await onAnswer(answer);
      else log.warn('carrier lookup: the answer names no known carrier', { number: e164 });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      log.warn('carrier lookup failed; the number routes by the registry meanwhile', { number: e164, error, cause });
    }
  };
  return {
    request(e164) {
      const at = now();
      const last = askedAt.get(e164);
      if (last !== undefined && at - last < quietMs) return;
      if (queue.length >= maxQueued) return;
      if (askedAt.size > 100_000) askedAt.clear();
      askedAt.set(e164, at);
      queue.push(e164);
      pump();
    },
    idle() {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

function readAnswer(e164: string, body: unknown): LookupServiceAnswer | null {
  if (!body || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  if (typeof record.inn === 'string' && /^\d{10}$/.test(record.inn)) return { e164, inn: record.inn, ownerId: null };
  const ownerId =
    typeof record.owner_id === 'string' ? record.owner_id : typeof record.ownerId === 'string' ? record.ownerId : null;
  const inn = ownerId ? findCarrierByMnpOwnerId(ownerId)?.inn : undefined;
  return inn ? { e164, inn, ownerId } : null;
}
