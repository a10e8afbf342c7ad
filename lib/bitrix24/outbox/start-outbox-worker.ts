import { urgentWorkYielded } from '../../scheduling/urgent-work';
import { runOutboxOnce, type RunOutboxOnceOptions } from './run-outbox-once';
import { log } from '../../log/log';
import { setOutboxRate } from './portal-buckets';
import { onOutboxWake } from './wake-outbox-workers';

export type OutboxWorker = { stop(): Promise<void>; readonly requests: number };
export type StartOutboxWorkerOptions = RunOutboxOnceOptions & { idleMs?: number };

const holder = globalThis as typeof globalThis & { __outboxWorker?: OutboxWorker };

/**
 * The loop that drains the outbox: runs a round, and sleeps only when a round found nothing to send. Started once per
 * server process from instrumentation.ts (kept on globalThis across Next.js dev reloads); tests start their own
 * with `shared: false`.
 */
export function startOutboxWorker(options: StartOutboxWorkerOptions & { shared?: boolean } = {}): OutboxWorker {
  const { shared = true, idleMs = 250, ...roundOptions } = options;
  if (shared && holder.__outboxWorker) return holder.__outboxWorker;
  if (roundOptions.ratePerSecond)
    setOutboxRate({ ratePerSecond: roundOptions.ratePerSecond, burst: roundOptions.burst ?? 10 });
  let stopped = false;
  let requests = 0;
  let wake: (() => void) | null = null;
  // Woken while a round runs: the next round starts without sleeping (it may find the new message).
  let woken = false;
  const unsubscribe = onOutboxWake(() => {
    woken = true;
    wake?.();
  });
  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let claimed = 0;
      try {
        await urgentWorkYielded();
        const round = await runOutboxOnce(roundOptions);
        claimed = round.claimed;
        requests += round.requests;
      } catch (error) {
        log.error('outbox round failed', { error });
      }
      if (claimed === 0 && !stopped && !woken)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      wake = null;
    }
  })();
  const worker: OutboxWorker = {
    get requests() {
      return requests;
    },
    async stop() {
      stopped = true;
      unsubscribe();
      wake?.();
      await loop;
      if (holder.__outboxWorker === worker) holder.__outboxWorker = undefined;
    },
  };
  if (shared) holder.__outboxWorker = worker;
  return worker;
}
