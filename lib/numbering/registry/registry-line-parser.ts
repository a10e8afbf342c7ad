import { AppError } from '../../errors/app-error';
import { KeptIssues } from './kept-issues';
import {
  createOperatorCatalogue,
  normalizeOperatorName,
  type KnownOperator,
  type OperatorCatalogue,
} from './operator-name-catalogue';
import { splitDelimitedLine } from './split-delimited-line';
import { refuseMostlyBadFile } from './refuse-mostly-bad-file';
import { summarizeRegistry } from './summarize-registry';
import type { LineIssue, ParsedRegistry, RegistryFormat, RegistryRange } from './types';
import { validateRegistryRow, type ValidateRegistryRowOptions } from './validate-registry-row';

export type RegistryLineParserOptions = {
  readonly fileName?: string;
  /** (name, ИНН) pairs that resolve operator names of six-column files; see operator-name-catalogue.ts. */
  readonly knownOperators?: Iterable<KnownOperator>;
};

const LINE_BREAK = /\r\n|\n|\r/;
const CARRIAGE_RETURN = 13;
const BOM = 0xfeff;
/** Registry lines are ~200 characters; a megabyte without a line break is not a registry. */
const MAX_LINE_CHARS = 1 << 20;
const INN_PREFIX = /^\d{0,9}$/;
/** How often (in data rows) a file is checked for being mostly bad: a power of two, so the check is a mask. */
const BAD_SHARE_CHECK_EVERY = 256;
const HEADER_HINT = 'АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН';

type Header = { kind: 'header' | 'absent'; format: RegistryFormat } | { kind: 'fatal'; code: string; message: string };
type UnknownOperator = { readonly name: string; readonly inn: string; readonly line: number; rows: number };
/** `cutShort`: rejected in a way a cut can cause (too few columns, an open quote, a short ИНН). */
type LastLine = { readonly line: number; readonly issuesFrom: number; readonly cutShort: boolean };

/**
 * The one parser behind `parseRegistry` (whole text) and `parseRegistryStream` (chunks): text goes in
 * with `write` in pieces of any size, cut anywhere, and `end` returns the result. Sharing it is what
 * makes the two give identical results, line numbers and messages included.
 */
export function createRegistryLineParser(options: RegistryLineParserOptions = {}): RegistryLineParser {
  return new RegistryLineParser(options);
}

// A class, not a closure-returning factory: its methods run once per line and V8 inlines them.
export class RegistryLineParser {
  private readonly fileName: string | null;
  private readonly knownOperators: Iterable<KnownOperator> | undefined;
  private carry = '';
  private lineCount = 0;
  private dataRows = 0;
  private header: Header | null = null;
  private readonly issues = new KeptIssues();
  private rejectedRows = 0;
  private firstBadLine: number | null = null;
  private readonly accepted: RegistryRange[] = [];
  private rowOptions: ValidateRegistryRowOptions | null = null;
  private catalogue: OperatorCatalogue | null = null;
  private readonly unknownOperators = new Map<string, UnknownOperator>();
  private last: LastLine | null = null;

  constructor({ fileName, knownOperators }: RegistryLineParserOptions) {
    this.fileName = fileName ?? null;
    this.knownOperators = knownOperators;
  }

  /** Non-blank lines after the header seen so far, for progress reports. */
  get rows(): number {
    return this.dataRows;
  }

  write(text: string): void {
    if (text === '') return;
    let joined = this.carry === '' ? text : this.carry + text;
    // A piece that ends in CR may be followed by the LF of the same CRLF in the next piece.
    const heldCarriageReturn = joined.charCodeAt(joined.length - 1) === CARRIAGE_RETURN;
    if (heldCarriageReturn) joined = joined.slice(0, -1);
    const parts = joined.split(LINE_BREAK);
    const tail = parts.pop()!;
    this.carry = heldCarriageReturn ? `${tail}\r` : tail;
    if (this.carry.length > MAX_LINE_CHARS) {
      throw new AppError(
        'INVALID_INPUT',
        `Line ${this.lineCount + parts.length + 1} is longer than ${MAX_LINE_CHARS} characters: this is not a ` +
          `numbering registry file.`,
      );
    }
    for (const part of parts) this.line(part);
  }

  end(): ParsedRegistry {
    const tail = this.carry;
    this.carry = '';
    let endsWithNewline = true;
    if (tail.endsWith('\r')) this.line(tail.slice(0, -1));
    else if (tail !== '' || this.lineCount === 0) {
      this.line(tail);
      endsWithNewline = false;
    }
    if (!endsWithNewline) this.reportTruncation();
    this.reportUnknownOperators();
    const header = this.header;
    return summarizeRegistry({
      fileName: this.fileName,
      format: header && header.kind !== 'fatal' ? header.format : 'current',
      lines: this.lineCount,
      dataRows: this.dataRows,
      accepted: this.accepted,
      issues: this.issues,
    });
  }

  private line(raw: string): void {
    this.lineCount += 1;
    if (this.header === null) {
      this.header = readHeader(this.lineCount === 1 && raw.charCodeAt(0) === BOM ? raw.slice(1) : raw);
      if (this.header.kind === 'fatal') {
        this.issues.push({ line: 1, severity: 'error', code: this.header.code, message: this.header.message });
        return;
      }
      this.rowOptions = {
        format: this.header.format,
        interned: new Map(),
        regionLists: new Map(),
        innForOperator: this.innForOperator,
      };
      if (this.header.kind === 'header') return;
      this.issues.push({
        line: 1,
        severity: 'warning',
        code: 'missing_header',
        message: 'The file has no header line; columns are assumed to be in the standard order.',
      });
    }
    if (this.rowOptions === null) return; // unreadable header: lines are only counted
    this.row(this.lineCount === 1 && raw.charCodeAt(0) === BOM ? raw.slice(1) : raw, this.lineCount, this.rowOptions);
  }

  private row(raw: string, line: number, options: ValidateRegistryRowOptions): void {
    if (raw.trim() === '') {
      this.last = null;
      return;
    }
    this.dataRows += 1;
    const issuesFrom = this.issues.count;
    const split = splitDelimitedLine(raw, ';');
    if (!split.ok) {
      this.issues.push({ line, severity: 'error', code: 'malformed_line', message: split.message });
      this.last = { line, issuesFrom, cutShort: true };
      this.countRejected(line);
      return;
    }
    const checked = validateRegistryRow(split.fields, line, options);
    for (const issue of checked.issues) this.issues.push(issue);
    if (checked.range) this.accepted.push(checked.range);
    else this.countRejected(line);
    // A byte that was not valid in the file's encoding decodes to U+FFFD; the row is still routable
    // (its bounds and ИНН are digits), but the admin should know the copy is damaged.
    if (raw.includes('\uFFFD')) {
      this.issues.push({
        line,
        severity: 'warning',
        code: 'invalid_characters',
        message: 'The line contains bytes that are not valid text in the file\'s encoding (shown as "\uFFFD").',
      });
    }
    this.last = {
      line,
      issuesFrom,
      cutShort: checked.range === null && endsShort(split.fields, checked.issues, options),
    };
  }

  private countRejected(line: number): void {
    this.rejectedRows += 1;
    this.firstBadLine ??= line;
    if ((this.dataRows & (BAD_SHARE_CHECK_EVERY - 1)) !== 0) return;
    refuseMostlyBadFile({ rows: this.dataRows, rejectedRows: this.rejectedRows, firstBadLine: this.firstBadLine });
  }

  /**
   * A download cut off mid-line leaves a last line that fails with a confusing column error; saying
   * "truncated" instead tells the admin to download again rather than to look for a typo. Only for a
   * file without a final line break (the April 2026 file has none either, so that alone proves
   * nothing) whose last line failed the way a cut makes it fail.
   */
  private reportTruncation(): void {
    const last = this.last;
    if (!last?.cutShort || last.line !== this.lineCount) return;
    // With more issues than are kept, the cut line's own ones may be gone already: the truncation is added beside them.
    this.issues.dropAfter(last.issuesFrom);
    this.issues.push({
      line: last.line,
      severity: 'error',
      code: 'truncated_file',
      message: `The file ends in the middle of line ${last.line}; it was probably cut off during download.`,
    });
  }

  // An arrow property: created once per parser and passed to every legacy row without a new closure.
  private readonly innForOperator = (operator: string, line: number): string => {
    this.catalogue ??= createOperatorCatalogue({ known: this.knownOperators });
    const inn = this.catalogue.innFor(operator);
    if (inn !== null) return inn;
    const name = normalizeOperatorName(operator);
    const unknown = this.unknownOperators.get(name);
    if (unknown) {
      unknown.rows += 1;
      return unknown.inn;
    }
    const created: UnknownOperator = { name: operator, inn: `name:${name}`, line, rows: 1 };
    this.unknownOperators.set(name, created);
    return created.inn;
  };

  /** One warning per name rather than per row: a 2020 file repeats each name hundreds of times. */
  private reportUnknownOperators(): void {
    for (const { name, inn, line, rows } of this.unknownOperators.values()) {
      this.issues.push({
        line,
        severity: 'warning',
        code: 'unknown_operator',
        message:
          `Operator "${name}" (first on line ${line}, ${rows} ${rows === 1 ? 'row' : 'rows'}) has no ИНН in this ` +
          `file and is not in the operator catalogue; its ranges are kept as carrier "${inn}".`,
      });
    }
  }
}

/** Errors a cut can produce: fewer columns than the format has, or only a too-short ИНН (the last column). */
function endsShort(
  fields: readonly string[],
  issues: readonly LineIssue[],
  options: ValidateRegistryRowOptions,
): boolean {
  if (fields.length < (options.format === 'current' ? 8 : 6)) return true;
  if (options.format !== 'current' || fields.length !== 8) return false;
  for (const issue of issues) if (issue.severity === 'error' && issue.code !== 'invalid_inn') return false;
  return INN_PREFIX.test(fields[7]!.trim());
}

// Runs once per file, so the regexes here are not a per-row cost.
function readHeader(firstLine: string): Header {
  if (/^\s*\d{3}\s*;/.test(firstLine)) {
    const split = splitDelimitedLine(firstLine, ';');
    return { kind: 'absent', format: split.ok && split.fields.length === 6 ? 'legacy' : 'current' };
  }
  const columns = firstLine.split(';').map((column) => column.replace(/\s+/g, '').toLowerCase());
  const bounds = columns[1] === 'от' && columns[2] === 'до';
  if (columns.length === 8 && bounds && columns[7] === 'инн') return { kind: 'header', format: 'current' };
  if (columns.length === 6 && bounds && columns[4] === 'оператор') return { kind: 'header', format: 'legacy' };
  return {
    kind: 'fatal',
    code: 'unknown_header',
    message:
      `Unexpected header "${firstLine.slice(0, 120)}"; expected "${HEADER_HINT}" (or its first six columns, the ` +
      `pre-2021 format).`,
  };
}
