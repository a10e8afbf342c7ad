import type { KeptIssues } from './kept-issues';
import type { LineIssue, ParsedRegistry, RegistryFormat, RegistryRange } from './types';

export type SummarizeRegistryOptions = {
  readonly fileName: string | null;
  readonly format: RegistryFormat;
  readonly lines: number;
  readonly dataRows: number;
  /** Rows that passed validation, in file order; overlapping ones are dropped here. */
  readonly accepted: RegistryRange[];
  /** The issues found so far; overlap issues are added, then the kept ones are sorted by line. */
  readonly issues: KeptIssues;
};

/** The last step of a parse, shared by the whole-text and the streaming parser: overlaps, order, stats. */
export function summarizeRegistry({
  fileName,
  format,
  lines,
  dataRows,
  accepted,
  issues,
}: SummarizeRegistryOptions): ParsedRegistry {
  const ranges = dropOverlaps(accepted, issues);
  // Stable sort: the issues of one line keep the order in which they were found.
  const kept = issues.kept.sort(byLine);
  let totalCapacity = 0;
  let warnings = issues.omittedWarnings;
  const inns = new Set<string>();
  const codes = new Set<string>();
  for (const range of ranges) {
    totalCapacity += Number(range.to) - Number(range.from) + 1;
    inns.add(range.inn);
    codes.add(range.def);
  }
  for (const issue of kept) if (issue.severity === 'warning') warnings += 1;
  return {
    fileName,
    format,
    ranges: Object.freeze(ranges),
    errors: Object.freeze(kept),
    stats: {
      lines,
      dataRows,
      acceptedRows: ranges.length,
      // Every data row is either accepted or rejected (a row may carry several issues).
      rejectedRows: dataRows - ranges.length,
      warnings,
      issueCount: issues.count,
      distinctInns: inns.size,
      distinctCodes: codes.size,
      totalCapacity,
    },
  };
}

function byLine(a: LineIssue, b: LineIssue): number {
  return a.line - b.line;
}

type Keyed = { readonly range: RegistryRange; readonly start: number; readonly end: number };

/**
 * Overlapping ranges would make a number belong to two carriers and break binary search. The range
 * that starts first wins; each later one that overlaps it is rejected with both line numbers, so the
 * admin can see which rows conflict.
 */
function dropOverlaps(rows: RegistryRange[], issues: KeptIssues): RegistryRange[] {
  const keyed: Keyed[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const range = rows[i]!;
    const base = Number(range.def) * 1e7;
    keyed[i] = { range, start: base + Number(range.from), end: base + Number(range.to) };
  }
  let sorted = true;
  for (let i = 1; i < keyed.length && sorted; i += 1) sorted = keyed[i - 1]!.start <= keyed[i]!.start;
  if (!sorted) keyed.sort(byStartThenLine);

  const kept: RegistryRange[] = [];
  let last: Keyed | undefined;
  for (const entry of keyed) {
    if (last && entry.start <= last.end) {
      issues.push({
        line: entry.range.line,
        severity: 'error',
        code: 'overlapping_range',
        message:
          `Range ${formatRange(entry.range)} overlaps ${formatRange(last.range)} on line ${last.range.line}; ` +
          `this row is ignored.`,
      });
      continue;
    }
    kept.push(entry.range);
    last = entry;
  }
  return kept;
}

function byStartThenLine(a: Keyed, b: Keyed): number {
  return a.start - b.start || a.range.line - b.range.line;
}

function formatRange(range: RegistryRange): string {
  return `${range.def} ${range.from}–${range.to}`;
}
