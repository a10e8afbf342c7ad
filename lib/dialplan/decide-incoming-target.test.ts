import { describe, expect, it } from 'vitest';
import { decideIncomingTarget, QUEUE } from './decide-incoming-target';

describe('decideIncomingTarget', () => {
  it.each([
    { name: 'the free manager rings first', manager: '102', busy: [], answer: '102', reason: 'manager' },
    { name: 'a busy manager: the queue', manager: '102', busy: ['101', '102'], answer: QUEUE, reason: 'manager_busy' },
    { name: 'another one busy does not matter', manager: '102', busy: ['101'], answer: '102', reason: 'manager' },
    { name: 'nobody responsible in the CRM: the queue', manager: null, busy: [], answer: QUEUE, reason: 'no_manager' },
    {
      name: 'not cached yet: the queue, without waiting',
      manager: undefined,
      busy: [],
      answer: QUEUE,
      reason: 'not_cached',
    },
  ])('$name', ({ manager, busy, answer, reason }) => {
    expect(decideIncomingTarget({ manager, busyExtensions: busy })).toEqual({ answer, reason });
  });
});
