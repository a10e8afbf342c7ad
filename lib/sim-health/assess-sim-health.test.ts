import { describe, expect, it } from 'vitest';
import { DEFAULT_SIM_HEALTH } from '../routing/sim-health-defaults';
import { assessSimHealth } from './assess-sim-health';
import { classifySimAttempt, type SimAttempt } from './classify-sim-attempt';

const F: SimAttempt = 'failure';
const S: SimAttempt = 'short';
const O: SimAttempt = 'ok';
const N: SimAttempt = 'neutral';

describe('assessSimHealth (defaults: 5 failures, or 5 calls under 5 s, in a row)', () => {
  it.each([
    ['nothing yet', [], { failuresInRow: 0, shortCallsInRow: 0 }, null],
    ['four failures', [F, F, F, F], { failuresInRow: 4, shortCallsInRow: 0 }, null],
    ['five failures', [F, F, F, F, F], { failuresInRow: 5, shortCallsInRow: 0 }, { reason: 'failures', run: 5 }],
    [
      'a client busy in between does not break the run',
      [F, F, N, F, F, F],
      { failuresInRow: 5, shortCallsInRow: 0 },
      { reason: 'failures', run: 5 },
    ],
    ['a proper call clears the run', [F, F, F, F, O, F], { failuresInRow: 1, shortCallsInRow: 0 }, null],
    ['a short call ends a failure run', [F, F, F, F, S, F], { failuresInRow: 1, shortCallsInRow: 1 }, null],
    ['five short calls', [S, S, S, S, S], { failuresInRow: 0, shortCallsInRow: 5 }, { reason: 'shortCalls', run: 5 }],
    [
      'failures between short calls keep the short run',
      [S, S, F, S, S, F, S],
      { failuresInRow: 0, shortCallsInRow: 5 },
      { reason: 'shortCalls', run: 5 },
    ],
    ['a proper call clears the short run', [S, S, S, S, O, S], { failuresInRow: 0, shortCallsInRow: 1 }, null],
  ] as const)('%s', (_name, attempts, runs, block) => {
    expect(assessSimHealth(attempts, DEFAULT_SIM_HEALTH)).toEqual({ runs, block });
  });

  it('follows edited thresholds', () => {
    const strict = { failuresInRow: 2, shortCallsInRow: 3, shortCallSeconds: 10 };
    expect(assessSimHealth([F, F], strict).block).toEqual({ reason: 'failures', run: 2 });
    expect(assessSimHealth([S, S], strict).block).toBeNull();
  });
});

describe('classifySimAttempt', () => {
  it.each([
    ['200', 30, 'ok'],
    ['200', 4, 'short'],
    ['200', 5, 'ok'],
    ['503', 0, 'failure'],
    ['423', 0, 'failure'],
    ['402', 0, 'failure'],
    ['403', 0, 'failure'],
    ['486', 0, 'neutral'],
    ['480', 0, 'neutral'],
    ['404', 0, 'neutral'],
    ['484', 0, 'neutral'],
    ['603', 0, 'neutral'],
    ['603-S', 0, 'neutral'],
    ['OTHER', 0, 'neutral'],
  ] as const)('%s after %i s → %s', (statusCode, talkSec, attempt) => {
    expect(classifySimAttempt({ statusCode, talkSec, shortCallSeconds: 5 })).toBe(attempt);
  });
});
