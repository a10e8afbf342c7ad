import { splitDelimitedLine } from './split-delimited-line';
import { validateRegistryRow } from './validate-registry-row';
import type { LineIssue, RegistryRange } from './types';

export type ParseRegistryOptions = { readonly fileName?: string };

export type RegistryStats = {
  /** Physical lines in the text, header included. */
  readonly lines: number;
  /** Non-blank lines after the header. */
  readonly dataRows: number;
  readonly acceptedRows: number;
  readonly rejectedRows: number;
  readonly warnings: number;
  readonly distinctInns: number;
  readonly distinctCodes: number;
  /** Sum of to − from + 1 over accepted rows. */
  readonly totalCapacity: number;
};

export type ParsedRegistry = {
  readonly fileName: string | null;
  /** Accepted rows, sorted by number and guaranteed not to overlap. */
  readonly ranges: readonly RegistryRange[];
  /** Problems by 1-based line; `severity: 'error'` rows are not in `ranges`. */
  readonly errors: readonly LineIssue[];
  readonly stats: RegistryStats;
};

const HEADER_COLUMNS = 8;
const LINE_BREAK = /\r\n|\n|\r/;

/**
 * Parses an extract of the numbering-plan registry (DEF-9xx.csv, and the ABC-3xx/4xx/8xx files of
 * the same shape). Pure: the caller decodes bytes (see load-registry-file.ts). Bad rows are reported
 * with their line and left out instead of failing the whole file, because one typo in 16k rows must
 * not take carrier routing down; the caller decides whether the error count is acceptable.
 */
export function parseRegistry(text: string, { fileName }: ParseRegistryOptions = {}): ParsedRegistry {
  const lines = stripBom(text).split(LINE_BREAK);
  const issues: LineIssue[] = [];
  const header = checkHeader(lines[0] ?? '');
  if (header.kind === 'fatal') {
    issues.push({ line: 1, severity: 'error', code: header.code, message: header.message });
    return finish(fileName, lines.length, 0, [], issues);
  }

  const accepted: RegistryRange[] = [];
  let dataRows = 0;
  const interned = new Map<string, string>();
  for (let index = header.kind === 'header' ? 1 : 0; index < lines.length; index += 1) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '') continue;
    dataRows += 1;
    const lineNumber = index + 1;
    const split = splitDelimitedLine(raw, ';');
    if (!split.ok) {
      issues.push({ line: lineNumber, severity: 'error', code: 'malformed_line', message: split.message });
      continue;
    }
    const checked = validateRegistryRow(split.fields, lineNumber, interned);
    issues.push(...checked.issues);
    if (checked.range) accepted.push(checked.range);
  }
  if (header.kind === 'absent') {
    issues.unshift({
      line: 1,
      severity: 'warning',
      code: 'missing_header',
      message: 'The file has no header line; columns are assumed to be in the standard order.',
    });
  }
  const ranges = dropOverlaps(accepted, issues);
  return finish(fileName, lines.length, dataRows, ranges, issues);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

type HeaderCheck = { kind: 'header' | 'absent' } | { kind: 'fatal'; code: string; message: string };

function checkHeader(firstLine: string): HeaderCheck {
  if (/^\s*\d{3}\s*;/.test(firstLine)) return { kind: 'absent' };
  const columns = firstLine.split(';').map((column) => column.replace(/\s+/g, '').toLowerCase());
  if (columns.length === 6 && columns[1] === 'от') {
    return {
      kind: 'fatal',
      code: 'old_format',
      message:
        'This is the pre-2021 six-column format without the ИНН column; carriers are identified by ИНН, so download the current file.',
    };
  }
  if (columns.length !== HEADER_COLUMNS || columns[1] !== 'от' || columns[2] !== 'до' || columns[7] !== 'инн') {
    return {
      kind: 'fatal',
      code: 'unknown_header',
      message: `Unexpected header "${firstLine.slice(0, 120)}"; expected "АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН".`,
    };
  }
  return { kind: 'header' };
}

/**
 * Overlapping ranges would make a number belong to two carriers and break binary search. The range
 * that starts first wins; each later one that overlaps it is rejected with both line numbers, so the
 * admin can see which rows conflict.
 */
function dropOverlaps(rows: RegistryRange[], issues: LineIssue[]): RegistryRange[] {
  const keyed = rows.map((range) => ({ range, start: startOf(range), end: endOf(range) }));
  let sorted = true;
  for (let i = 1; i < keyed.length && sorted; i += 1) sorted = keyed[i - 1]!.start <= keyed[i]!.start;
  if (!sorted) keyed.sort((a, b) => a.start - b.start || a.range.line - b.range.line);

  const kept: RegistryRange[] = [];
  let last: (typeof keyed)[number] | undefined;
  for (const entry of keyed) {
    if (last && entry.start <= last.end) {
      issues.push({
        line: entry.range.line,
        severity: 'error',
        code: 'overlapping_range',
        message: `Range ${describe(entry.range)} overlaps ${describe(last.range)} on line ${last.range.line}; this row is ignored.`,
      });
      continue;
    }
    kept.push(entry.range);
    last = entry;
  }
  return kept;
}

function startOf(range: RegistryRange): number {
  return Number(range.def) * 1e7 + Number(range.from);
}

function endOf(range: RegistryRange): number {
  return Number(range.def) * 1e7 + Number(range.to);
}

function describe(range: RegistryRange): string {
  return `${range.def} ${range.from}–${range.to}`;
}

function finish(
  fileName: string | undefined,
  lineCount: number,
  dataRows: number,
  ranges: RegistryRange[],
  issues: LineIssue[],
): ParsedRegistry {
  issues.sort((a, b) => a.line - b.line);
  let totalCapacity = 0;
  for (const range of ranges) totalCapacity += Number(range.to) - Number(range.from) + 1;
  return {
    fileName: fileName ?? null,
    ranges: Object.freeze(ranges),
    errors: Object.freeze(issues),
    stats: {
      lines: lineCount,
      dataRows,
      acceptedRows: ranges.length,
      // Every data row is either accepted or rejected (a row may carry several issues).
      rejectedRows: dataRows - ranges.length,
      warnings: issues.filter((issue) => issue.severity === 'warning').length,
      distinctInns: new Set(ranges.map((range) => range.inn)).size,
      distinctCodes: new Set(ranges.map((range) => range.def)).size,
      totalCapacity,
    },
  };
}
