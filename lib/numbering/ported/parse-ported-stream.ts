import { AppError } from '../../errors/app-error';
import { detectFormat, type PortedFileFormat } from './parse-ported-numbers';
import { createPortedChangesBuilder, REMOVED_SLOT, type PortedChanges } from './create-ported-changes-builder';
import { createPortedIndexBuilder, type PortedIndex, type PortedIndexBuilder } from './ported-index';
import { PortedRowReader } from './ported-row-reader';
import { MAX_KEPT_ISSUES, refuseMostlyBadFile, type LineIssue } from '../registry';

export type PortedParseProgress = { bytesRead: number; totalBytes: number | null; rows: number };

export type ParsePortedStreamOptions = { totalBytes?: number; onProgress?: (progress: PortedParseProgress) => void };

export type ParsedPortedStream = {
  readonly format: PortedFileFormat | null;
  /** Port_All / Port_All_Full: the complete set. */
  readonly index: PortedIndex | null;
  /** Port_Increment: changes to apply to the set in use (a number back with its range holder is a removal). */
  readonly changes: PortedChanges | null;
  /** The first MAX_KEPT_ISSUES problems by line; `stats.issueCount` counts all. */
  readonly errors: readonly LineIssue[];
  readonly stats: {
    readonly dataRows: number;
    readonly acceptedRows: number;
    readonly rejectedRows: number;
    readonly issueCount: number;
  };
};

const PROGRESS_EVERY = 1 << 20;
const MAX_LINE = 1 << 20;
/** How often (in data rows) the file is checked for being mostly bad: a power of two, so the check is a mask. */
const BAD_SHARE_CHECK_EVERY = 256;
const LF = 10;
const CR = 13;

/**
 * Streams an MNP export (the national Port_All is ~20 M rows, ~1 GB) straight into the compact index.
 * Lines are cut and read in the chunks' own bytes (PortedRowReader): no string and no object per row,
 * so memory stays at the index's few bytes per number plus the builder's 7 per row. Same rules per row
 * as parsePortedNumbers; problems are reported by line (the first 1,000, all counted) and the row is
 * left out. Line breaks may be LF, CRLF or CR, and chunks may split a line anywhere.
 *
 * Port_All lists each number once; should one repeat, the later row wins. In a Port_Increment the same
 * number can be ported twice in a day, and rows are not in date order: the later PortDate wins (the
 * later row on equal dates), and a number whose recipient is its range holder is removed.
 */
export async function parsePortedStream(
  chunks: AsyncIterable<Uint8Array>,
  { totalBytes, onProgress }: ParsePortedStreamOptions = {},
): Promise<ParsedPortedStream> {
  const state = new StreamState();
  let bytesRead = 0;
  let nextProgress = PROGRESS_EVERY;
  try {
    for await (const chunk of chunks) {
      state.feed(chunk);
      bytesRead += chunk.byteLength;
      if (onProgress && bytesRead >= nextProgress) {
        nextProgress = bytesRead + PROGRESS_EVERY;
        onProgress({ bytesRead, totalBytes: totalBytes ?? null, rows: state.dataRows });
      }
    }
  } catch (error) {
    if (AppError.is(error)) throw error;
    throw new AppError('UNAVAILABLE', `Reading the file failed after ${bytesRead} bytes: ${(error as Error).message}`);
  }
  state.finish();
  onProgress?.({ bytesRead, totalBytes: totalBytes ?? null, rows: state.dataRows });
  return state.result();
}

class StreamState {
  dataRows = 0;
  private rejectedRows = 0;
  private issueCount = 0;
  private firstBadLine: number | null = null;
  private readonly errors: LineIssue[] = [];
  private line = 0;
  private format: PortedFileFormat | null | undefined;
  private reader: PortedRowReader | null = null;
  private index: PortedIndexBuilder | null = null;
  private increments: IncrementRows | null = null;
  /** The start of a line cut by the end of a chunk. */
  private carry = new Uint8Array(256);
  private carried = 0;
  /** The last chunk ended with CR: an LF starting the next one belongs to that line break. */
  private afterCR = false;

  feed(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    let start = 0;
    if (this.afterCR && chunk[0] === LF) start = 1;
    this.afterCR = false;
    let nextLF = chunk.indexOf(LF, start);
    let nextCR = chunk.indexOf(CR, start);
    while (start < chunk.length) {
      if (nextLF !== -1 && nextLF < start) nextLF = chunk.indexOf(LF, start);
      if (nextCR !== -1 && nextCR < start) nextCR = chunk.indexOf(CR, start);
      const end = nextCR !== -1 && (nextLF === -1 || nextCR < nextLF) ? nextCR : nextLF;
      if (end === -1) break;
      if (this.carried > 0) {
        this.append(chunk, start, end);
        this.handle(this.carry, 0, this.carried);
        this.carried = 0;
      } else this.handle(chunk, start, end);
      // CRLF is one line break; a CR at the very end may be followed by the LF in the next chunk.
      start = chunk[end] === CR && chunk[end + 1] === LF ? end + 2 : end + 1;
      if (chunk[end] === CR && start === chunk.length) this.afterCR = true;
    }
    // Copied, not kept: the stream may reuse the chunk's memory once we return.
    if (start < chunk.length) this.append(chunk, start, chunk.length);
  }

  finish(): void {
    if (this.carried > 0) this.handle(this.carry, 0, this.carried);
    this.carried = 0;
    if (this.format === undefined) this.report(1, 'empty_file', 'The file is empty.');
  }

  result(): ParsedPortedStream {
    return {
      format: this.format ?? null,
      index: this.index ? this.index.build() : null,
      changes: this.increments ? this.increments.build() : null,
      errors: this.errors,
      stats: {
        dataRows: this.dataRows,
        acceptedRows: this.dataRows - this.rejectedRows,
        rejectedRows: this.rejectedRows,
        issueCount: this.issueCount,
      },
    };
  }

  private handle(bytes: Uint8Array, start: number, end: number): void {
    this.line += 1;
    if (this.format === undefined) {
      this.readHeader(bytes, start, end);
      return;
    }
    if (this.reader === null || isBlankLine(bytes, start, end)) return;
    this.dataRows += 1;
    if (!this.reader.read(bytes, start, end, this.line)) {
      this.rejectedRows += 1;
      this.firstBadLine ??= this.line;
      if ((this.dataRows & (BAD_SHARE_CHECK_EVERY - 1)) === 0) {
        refuseMostlyBadFile({ rows: this.dataRows, rejectedRows: this.rejectedRows, firstBadLine: this.firstBadLine });
      }
      return;
    }
    const { nationalNumber, ownerSlot } = this.reader;
    if (this.increments)
      this.increments.add(nationalNumber, this.reader.backToHolder ? REMOVED_SLOT : ownerSlot, this.reader.portedAt);
    else this.index!.addOwnerSlot(nationalNumber, ownerSlot);
  }

  private readHeader(bytes: Uint8Array, start: number, end: number): void {
    // UTF-8 byte order mark, as Excel writes it.
    if (end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    const layout = detectFormat(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8'));
    this.format = layout?.format ?? null;
    if (!layout) {
      this.report(
        1,
        'unknown_header',
        'Unrecognised header: expected a Port_All, Port_All_Full or Port_Increment file with its header line.',
      );
      return;
    }
    const report = (line: number, code: string, message: string) => this.report(line, code, message);
    if (layout.format === 'port_increment') {
      const increments = (this.increments = new IncrementRows());
      this.reader = new PortedRowReader(layout.columns, layout.width, (id) => increments.ownerSlot(id), report);
    } else {
      const index = (this.index = createPortedIndexBuilder());
      this.reader = new PortedRowReader(layout.columns, layout.width, (id) => index.ownerSlot(id), report);
    }
  }

  private append(chunk: Uint8Array, start: number, end: number): void {
    const length = this.carried + end - start;
    if (length > MAX_LINE)
      throw new AppError('INVALID_INPUT', `Line ${this.line + 1} is over 1 MB long: this is not an MNP export.`);
    if (length > this.carry.length) {
      const grown = new Uint8Array(Math.max(length, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carried));
      this.carry = grown;
    }
    this.carry.set(chunk.subarray(start, end), this.carried);
    this.carried = length;
  }

  private report(line: number, code: string, message: string): void {
    this.issueCount += 1;
    if (this.errors.length < MAX_KEPT_ISSUES) this.errors.push({ line, severity: 'error', code, message });
  }
}

/**
 * Increment rows in columns (17 bytes a row), ordered by port date when the file ends: a stable
 * order, so equal dates keep file order, and the changes builder's "last change wins" then means
 * "latest port wins". Increments are daily deltas, far smaller than a Port_All.
 */
class IncrementRows {
  private readonly changes = createPortedChangesBuilder();
  private numbers = new Float64Array(1024);
  private times = new Float64Array(1024);
  private slots = new Uint8Array(1024);
  private length = 0;
  private inDateOrder = true;

  ownerSlot(ownerId: string): number {
    return this.changes.ownerSlot(ownerId);
  }

  add(nationalNumber: number, slot: number, time: number): void {
    if (this.length === this.numbers.length) this.grow();
    if (this.length > 0 && time < this.times[this.length - 1]!) this.inDateOrder = false;
    this.numbers[this.length] = nationalNumber;
    this.times[this.length] = time;
    this.slots[this.length] = slot;
    this.length += 1;
  }

  build(): PortedChanges {
    const order = this.inDateOrder ? null : stableOrderByTime(this.times, this.length);
    for (let i = 0; i < this.length; i += 1) {
      const row = order === null ? i : order[i]!;
      this.changes.setOwnerSlot(this.numbers[row]!, this.slots[row]!);
    }
    return this.changes.build();
  }

  private grow(): void {
    const size = this.numbers.length * 2;
    const numbers = new Float64Array(size);
    const times = new Float64Array(size);
    const slots = new Uint8Array(size);
    numbers.set(this.numbers);
    times.set(this.times);
    slots.set(this.slots);
    this.numbers = numbers;
    this.times = times;
    this.slots = slots;
  }
}

function stableOrderByTime(times: Float64Array, length: number): Uint32Array {
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i += 1) order[i] = i;
  // A comparator sort of row numbers: fine for increments; ties fall back to file order.
  return order.sort((a, b) => times[a]! - times[b]! || a - b);
}

function isBlankLine(bytes: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at += 1) {
    const byte = bytes[at]!;
    if (byte !== 32 && (byte < 9 || byte > 13)) return false;
  }
  return true;
}
