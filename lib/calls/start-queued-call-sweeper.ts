import { getDb } from '../db/client';
import { log } from '../log/log';
import { finishAbandonedQueuedCalls } from './finish-abandoned-queued-calls';

const SWEEP_EVERY_MS = 15_000;
const holder = globalThis as typeof globalThis & { __queuedCallSweeper?: NodeJS.Timeout };

/**
 * Closes click-to-calls lost between Bitrix24's answer and their Originate (finishAbandonedQueuedCalls), at start and
 * every 15 s. Started once per server from instrumentation.ts; safe on several instances at once.
 */
export function startQueuedCallSweeper(): void {
  if (holder.__queuedCallSweeper) return;
  const sweep = () =>
    finishAbandonedQueuedCalls({ db: getDb() })
      .then((count) => count > 0 && log.warn('calls: closed click-to-calls lost before their Originate', { count }))
      .catch((error: unknown) => log.error('calls: sweeping queued click-to-calls failed', { error }));
  void sweep();
  holder.__queuedCallSweeper = setInterval(sweep, SWEEP_EVERY_MS);
  holder.__queuedCallSweeper.unref();
}
