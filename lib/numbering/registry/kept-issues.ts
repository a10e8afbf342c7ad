import type { LineIssue } from './types';

/** Issues a parse keeps: enough to fix a file, bounded for one that is garbage throughout (all are counted). */
export const MAX_KEPT_ISSUES = 1_000;

/**
 * The issues of one parse: the first MAX_KEPT_ISSUES as found, every one counted. A junk upload reports one issue per
 * row; keeping them all is what let a 60 MB file take gigabytes of memory.
 */
export class KeptIssues {
  readonly kept: LineIssue[] = [];
  /** Every issue pushed, kept or not. */
  count = 0;
  /** Warnings among the issues that were not kept. */
  omittedWarnings = 0;

  push(issue: LineIssue): void {
    this.count += 1;
    if (this.kept.length < MAX_KEPT_ISSUES) this.kept.push(issue);
    else if (issue.severity === 'warning') this.omittedWarnings += 1;
  }

  /** Forgets the issues pushed after `mark` (a past `count`), when all of them are still kept; false if not. */
  dropAfter(mark: number): boolean {
    if (this.count !== this.kept.length) return false;
    this.kept.length = mark;
    this.count = mark;
    return true;
  }
}
