/**
 * Work a person is waiting for at this moment (an incoming call's card while the phone rings) goes ahead of the
 * process's background writes (the journal, the outbox worker's rounds): those wait while urgent work younger than
 * PRIORITY_MS is running. The window, not the whole run, is what is given: a Bitrix24 that answers slowly must not
 * hold the journal back for its round trip, only the card's own database and CPU work gets the event loop first.
 */
const PRIORITY_MS = 30;

type UrgentState = { running: Map<symbol, number>; waiters: Set<() => void>; timer: NodeJS.Timeout | null };
const holder = globalThis as typeof globalThis & { __urgentWork?: UrgentState };
// On globalThis: Next bundles this module more than once, and the journal and the card must see the same state.
const state: UrgentState = (holder.__urgentWork ??= { running: new Map(), waiters: new Set(), timer: null });

/** Runs `work` ahead of background writes (for its first PRIORITY_MS). */
export async function runUrgent<T>(work: () => Promise<T>): Promise<T> {
  const id = Symbol('urgent');
  state.running.set(id, performance.now());
  try {
    return await work();
  } finally {
    state.running.delete(id);
    wake();
  }
}

/** Resolves when no urgent work younger than PRIORITY_MS runs: at once, in the usual case. */
export function urgentWorkYielded(): Promise<void> | undefined {
  if (msUntilFree() <= 0) return undefined;
  return new Promise((resolve) => {
    state.waiters.add(resolve);
    schedule();
  });
}

function msUntilFree(): number {
  let youngest = Number.NEGATIVE_INFINITY;
  for (const startedAt of state.running.values()) youngest = Math.max(youngest, startedAt);
  return youngest + PRIORITY_MS - performance.now();
}

function schedule(): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = setTimeout(wake, Math.max(1, msUntilFree()));
  state.timer.unref?.();
}

function wake(): void {
  if (state.waiters.size === 0) return;
  if (msUntilFree() > 0) {
    schedule();
    return;
  }
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const waiting = [...state.waiters];
  state.waiters.clear();
  for (const resolve of waiting) resolve();
}
