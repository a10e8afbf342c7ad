const holder = globalThis as typeof globalThis & { __outboxWakers?: Set<() => void> };
const wakers = (holder.__outboxWakers ??= new Set());

/**
 * A message was just enqueued in this process: idle workers here start a round now instead of after their sleep (an
 * incoming call's card must reach Bitrix24 while the phone rings). Other processes still find it on their next round.
 */
export function wakeOutboxWorkers(): void {
  for (const wake of wakers) wake();
}

/** A worker's way to be woken; returns the unsubscribe. */
export function onOutboxWake(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}
