/** What the dialplan reads when the line's own queue/group should ring (no manager to try first). */
export const QUEUE = 'queue';

export type DecideIncomingTargetOptions = {
  /** The caller's responsible manager's extension from the cache: null = nobody, undefined = not known yet. */
  manager: string | null | undefined;
  /** Extensions talking right now (from the AMI call tracking). */
  busyExtensions: readonly string[];
};

export type IncomingTarget = {
  /** The extension to ring first, or QUEUE. */
  answer: string;
  reason: 'manager' | 'manager_busy' | 'no_manager' | 'not_cached';
};

/**
 * Who takes an incoming call first: the client's own manager when the CRM names one with a desk phone and they are
 * not on a call; otherwise the line's queue or ring group (the dialplan also falls back to it when the manager does
 * not answer). A caller not in the cache yet goes to the queue: the answer never waits for Bitrix24.
 */
export function decideIncomingTarget({ manager, busyExtensions }: DecideIncomingTargetOptions): IncomingTarget {
  if (manager === undefined) return { answer: QUEUE, reason: 'not_cached' };
  if (manager === null) return { answer: QUEUE, reason: 'no_manager' };
  if (busyExtensions.includes(manager)) return { answer: QUEUE, reason: 'manager_busy' };
  return { answer: manager, reason: 'manager' };
}
