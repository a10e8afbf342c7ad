import { randomUUID } from 'node:crypto';

/** The library's own ActionIDs are `--spec_${Date.now()}` and collide within a millisecond: always bring our own. */
export function newActionId(prefix = 'peers-test'): string {
  return `${prefix}-${process.pid}-${randomUUID()}`;
}
