import type { SimHealthThresholds } from '../routing/types';
import type { SimAttempt } from './classify-sim-attempt';

/** A SIM's current runs: gateway failures in a row, answered-but-too-short calls in a row. */
export type SimRuns = { failuresInRow: number; shortCallsInRow: number };
export type SimBlock = { reason: 'failures' | 'shortCalls'; run: number };
export type SimVerdict = { runs: SimRuns; block: SimBlock | null };

export const NO_RUNS: SimRuns = { failuresInRow: 0, shortCallsInRow: 0 };

/**
 * The blocked-SIM rule, one attempt at a time: a proper call clears both runs; a failure extends the failure run; a
 * short call extends the short run and ends the failure run (the SIM did connect); a call that says nothing about the
 * SIM (client busy, no answer, wrong number) leaves both. A run reaching its threshold takes the SIM out.
 */
export function nextSimRuns(runs: SimRuns, attempt: SimAttempt, thresholds: SimHealthThresholds): SimVerdict {
  const next: SimRuns =
    attempt === 'ok'
      ? NO_RUNS
      : attempt === 'failure'
        ? { ...runs, failuresInRow: runs.failuresInRow + 1 }
        : attempt === 'short'
          ? { failuresInRow: 0, shortCallsInRow: runs.shortCallsInRow + 1 }
          : runs;
  if (next.failuresInRow >= thresholds.failuresInRow)
    return { runs: next, block: { reason: 'failures', run: next.failuresInRow } };
  if (next.shortCallsInRow >= thresholds.shortCallsInRow)
    return { runs: next, block: { reason: 'shortCalls', run: next.shortCallsInRow } };
  return { runs: next, block: null };
}

/** The rule over a SIM's recent attempts, oldest first: the verdict after the last one. */
export function assessSimHealth(attempts: readonly SimAttempt[], thresholds: SimHealthThresholds): SimVerdict {
  let verdict: SimVerdict = { runs: NO_RUNS, block: null };
  for (const attempt of attempts) verdict = nextSimRuns(verdict.runs, attempt, thresholds);
  return verdict;
}
