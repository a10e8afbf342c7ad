import type { Columns } from './parse-ported-numbers';
import { parsePortDate } from './parse-port-date';
import { splitDelimitedLine } from '../registry';

/** Receives a rejected row: the same codes and messages as parsePortedNumbers. */
export type RowIssueSink = (line: number, code: string, message: string) => void;

const COMMA = 44;
const QUOTE = 34;
const SPACE = 32;
const ZERO = 48;
const D = 68;
/** A line with more fields than this is counted, not stored: it is rejected for its column count anyway. */
const MAX_FIELDS = 64;

/**
 * Reads one MNP row straight from the file's bytes: field boundaries into two preallocated arrays,
 * the number as an integer, the owner as a slot found by comparing bytes with the ids seen so far.
 * Nothing is allocated for a good row with a known owner (a national file names about ten) — only
 * error messages, a new owner id and the rare quoted line make strings. Same rules per row as
 * parsePortedNumbers (parse-ported-numbers.ts).
 */
export class PortedRowReader {
  /** Results of the last accepted row. */
  nationalNumber = 0;
  ownerSlot = 0;
  /** Port date in ms (-Infinity when empty): only increments use it. */
  portedAt = 0;
  /** Increments: the recipient is the range holder, i.e. the number is no longer ported. */
  backToHolder = false;

  private readonly starts = new Int32Array(MAX_FIELDS);
  private readonly ends = new Int32Array(MAX_FIELDS);
  private readonly knownOwners: Uint8Array[] = [];
  private readonly knownSlots: number[] = [];
  private scratch = new Uint8Array(256);

  constructor(
    private readonly columns: Columns,
    private readonly width: number,
    private readonly slotOf: (ownerId: string) => number,
    private readonly report: RowIssueSink,
  ) {}

  /** Reads bytes[start, end) (one line, without its line break). False when the row is rejected. */
  read(bytes: Uint8Array, start: number, end: number, line: number): boolean {
    let count = 0;
    let fieldStart = start;
    for (let at = start; at < end; at += 1) {
      const byte = bytes[at]!;
      if (byte === COMMA) {
        if (count < MAX_FIELDS) this.setField(count, bytes, fieldStart, at);
        count += 1;
        fieldStart = at + 1;
      } else if (byte === QUOTE) {
        return this.readQuoted(bytes, start, end, line);
      }
    }
    if (count < MAX_FIELDS) this.setField(count, bytes, fieldStart, end);
    count += 1;
    if (count !== this.width)
      return this.reject(line, 'column_count', `Expected ${this.width} columns separated by ",", found ${count}.`);
    return this.check(bytes, line);
  }

  /** Fields from a field-by-field split, as a line with quotes needs; copied to a scratch buffer for `check`. */
  private readQuoted(bytes: Uint8Array, start: number, end: number, line: number): boolean {
    const split = splitDelimitedLine(latin1(bytes, start, end), ',');
    if (!split.ok) return this.reject(line, 'malformed_line', split.message);
    if (split.fields.length !== this.width) {
      return this.reject(
        line,
        'column_count',
        `Expected ${this.width} columns separated by ",", found ${split.fields.length}.`,
      );
    }
    if (this.scratch.length < end - start) this.scratch = new Uint8Array(end - start);
    let at = 0;
    split.fields.forEach((field, index) => {
      for (let i = 0; i < field.length; i += 1) this.scratch[at + i] = field.charCodeAt(i);
      this.setField(index, this.scratch, at, at + field.length);
      at += field.length;
    });
    return this.check(this.scratch, line);
  }

  /** Stores the field's boundaries with surrounding blanks trimmed, as String#trim does for these files. */
  private setField(index: number, bytes: Uint8Array, from: number, to: number): void {
    while (from < to && isBlank(bytes[from]!)) from += 1;
    while (to > from && isBlank(bytes[to - 1]!)) to -= 1;
    this.starts[index] = from;
    this.ends[index] = to;
  }

  private check(bytes: Uint8Array, line: number): boolean {
    const { columns, starts, ends } = this;
    const number = columns.number;
    const nationalNumber = tenDigits(bytes, starts[number]!, ends[number]!);
    if (nationalNumber < 0)
      return this.reject(
        line,
        'invalid_number',
        `Number "${this.text(bytes, number)}" must be 10 digits without the country code.`,
      );
    const owner = columns.owner;
    if (starts[owner] === ends[owner]) return this.reject(line, 'missing_owner', 'The recipient operator id is empty.');
    const mnc = ends[columns.mnc]! - starts[columns.mnc]!;
    if (mnc < 2 || mnc > 3 || !allDigits(bytes, starts[columns.mnc]!, ends[columns.mnc]!)) {
      return this.reject(line, 'invalid_mnc', `MNC "${this.text(bytes, columns.mnc)}" must be 2 or 3 digits.`);
    }
    const routeStart = starts[columns.route]!;
    const route = ends[columns.route]! - routeStart;
    if (
      route !== 0 &&
      (route < 5 || route > 6 || bytes[routeStart] !== D || !allDigits(bytes, routeStart + 1, ends[columns.route]!))
    ) {
      return this.reject(line, 'invalid_route', `Route "${this.text(bytes, columns.route)}" must look like D2502.`);
    }
    const region = ends[columns.region]! - starts[columns.region]!;
    if (region > 3 || !allDigits(bytes, starts[columns.region]!, ends[columns.region]!)) {
      return this.reject(line, 'invalid_region', `Region code "${this.text(bytes, columns.region)}" must be digits.`);
    }
    const portedAt = parsePortDate(bytes, starts[columns.date]!, ends[columns.date]!);
    if (Number.isNaN(portedAt))
      return this.reject(
        line,
        'invalid_date',
        `Port date "${this.text(bytes, columns.date)}" is not an ISO-8601 timestamp.`,
      );
    this.nationalNumber = nationalNumber;
    this.ownerSlot = this.ownerSlotOf(bytes, starts[owner]!, ends[owner]!);
    this.portedAt = portedAt;
    const holder = columns.holder;
    this.backToHolder =
      holder !== undefined && sameIgnoringCase(bytes, starts[holder]!, ends[holder]!, starts[owner]!, ends[owner]!);
    return true;
  }

  /** Known spellings are matched byte for byte; a new one is decoded once and interned by the builder. */
  private ownerSlotOf(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    search: for (let k = 0; k < this.knownOwners.length; k += 1) {
      const known = this.knownOwners[k]!;
      if (known.length !== length) continue;
      for (let i = 0; i < length; i += 1) if (known[i] !== bytes[start + i]) continue search;
      return this.knownSlots[k]!;
    }
    const slot = this.slotOf(Buffer.from(bytes.buffer, bytes.byteOffset + start, length).toString('utf8'));
    this.knownOwners.push(bytes.slice(start, end));
    this.knownSlots.push(slot);
    return slot;
  }

  private text(bytes: Uint8Array, field: number): string {
    return Buffer.from(
      bytes.buffer,
      bytes.byteOffset + this.starts[field]!,
      this.ends[field]! - this.starts[field]!,
    ).toString('utf8');
  }

  private reject(line: number, code: string, message: string): false {
    this.report(line, code, message);
    return false;
  }
}

function isBlank(byte: number): boolean {
  return byte === SPACE || (byte >= 9 && byte <= 13);
}

/** The value of exactly ten ASCII digits, or -1. */
function tenDigits(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 10) return -1;
  let value = 0;
  for (let at = start; at < end; at += 1) {
    const digit = bytes[at]! - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function allDigits(bytes: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at += 1) if (bytes[at]! < ZERO || bytes[at]! > ZERO + 9) return false;
  return true;
}

/** ASCII case-insensitive equality of two fields of the same line (owner ids are ASCII). */
function sameIgnoringCase(bytes: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart || aStart === aEnd) return false;
  for (let i = 0; i < aEnd - aStart; i += 1)
    if ((bytes[aStart + i]! | 0x20) !== (bytes[bStart + i]! | 0x20)) return false;
  return true;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
