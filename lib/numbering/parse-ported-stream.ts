import { AppError } from '../errors/app-error';
import { detectFormat, type Columns, type PortedFileFormat } from './parse-ported-numbers';
import { createPortedChangesBuilder, createPortedIndexBuilder, type PortedChanges, type PortedIndex } from './ported-index';
import type { LineIssue } from './types';

export type PortedParseProgress = { bytesRead: number; totalBytes: number | null; rows: number };

export type ParsePortedStreamOptions = { totalBytes?: number; onProgress?: (progress: PortedParseProgress) => void };

export type ParsedPortedStream = {
  readonly format: PortedFileFormat | null;
  /** Port_All / Port_All_Full: the complete set. */
  readonly index: PortedIndex | null;
  /** Port_Increment: changes to apply to the set in use (a number back with its range holder is a removal). */
  readonly changes: PortedChanges | null;
  /** The first MAX_ISSUES problems by line; `stats.issueCount` counts all. */
  readonly errors: readonly LineIssue[];
  readonly stats: { readonly dataRows: number; readonly acceptedRows: number; readonly rejectedRows: number; readonly issueCount: number };
};

const MAX_ISSUES = 1_000;
const PROGRESS_EVERY = 1 << 20;
const NEWLINE = 10;
const MNC = /^\d{2,3}$/;
const ROUTE = /^D\d{4,5}$/;
const REGION = /^\d{1,3}$/;

/**
 * Streams an MNP export (the national Port_All is ~20 M rows, ~1 GB) straight into the compact index: one string per
 * line and no object per row, so memory stays at the index's 3 bytes per number. Same rules per row as
 * parsePortedNumbers; problems are reported by line and the row is left out.
 */
export async function parsePortedStream(chunks: AsyncIterable<Uint8Array>, { totalBytes, onProgress }: ParsePortedStreamOptions = {}): Promise<ParsedPortedStream> {
  const errors: LineIssue[] = [];
  let issueCount = 0;
  const report = (line: number, code: string, message: string) => {
    issueCount += 1;
    if (errors.length < MAX_ISSUES) errors.push({ line, severity: 'error', code, message });
  };
  let layout: ReturnType<typeof detectFormat> | undefined;
  let index: ReturnType<typeof createPortedIndexBuilder> | null = null;
  let changes: ReturnType<typeof createPortedChangesBuilder> | null = null;
  /** Increments: the port date per number, so the later port wins whatever the row order. */
  const datedAt = new Map<number, number>();
  const slots = new Map<string, number>();
  let line = 0;
  let dataRows = 0;
  let rejectedRows = 0;
  let bytesRead = 0;
  let nextProgress = PROGRESS_EVERY;
  let carry: Buffer | null = null;

  const handle = (text: string) => {
    line += 1;
    if (layout === undefined) {
      layout = detectFormat(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      if (layout === null) report(1, 'unknown_header', 'Unrecognised header: expected a Port_All, Port_All_Full or Port_Increment file with its header line.');
      else if (layout.format === 'port_increment') changes = createPortedChangesBuilder();
      else index = createPortedIndexBuilder();
      return;
    }
    if (layout === null || text.trim() === '') return;
    dataRows += 1;
    if (!readRow(text, line, layout.width, layout.columns, layout.format === 'port_increment')) rejectedRows += 1;
  };

  const readRow = (text: string, at: number, width: number, columns: Columns, increment: boolean): boolean => {
    const fields = text.split(',');
    if (fields.length !== width) return fail(at, 'column_count', `Expected ${width} columns separated by ",", found ${fields.length}.`);
    const number = fields[columns.number]!.trim();
    const ownerId = fields[columns.owner]!.trim();
    const mnc = fields[columns.mnc]!.trim();
    const route = fields[columns.route]!.trim();
    const region = fields[columns.region]!.trim();
    const date = fields[columns.date]!.trim();
    const nsn = number.length === 10 && /^\d{10}$/.test(number) ? Number(number) : -1;
    if (nsn < 0) return fail(at, 'invalid_number', `Number "${number}" must be 10 digits without the country code.`);
    if (ownerId === '') return fail(at, 'missing_owner', 'The recipient operator id is empty.');
    if (!MNC.test(mnc)) return fail(at, 'invalid_mnc', `MNC "${mnc}" must be 2 or 3 digits.`);
    if (route !== '' && !ROUTE.test(route)) return fail(at, 'invalid_route', `Route "${route}" must look like D2502.`);
    if (region !== '' && !REGION.test(region)) return fail(at, 'invalid_region', `Region code "${region}" must be digits.`);
    const time = date === '' ? -Infinity : Date.parse(date);
    if (Number.isNaN(time)) return fail(at, 'invalid_date', `Port date "${date}" is not an ISO-8601 timestamp.`);
    if (increment) {
      const seen = datedAt.get(nsn);
      if (seen !== undefined && seen > time) return true;
      datedAt.set(nsn, time);
      const holder = fields[columns.holder ?? -1]?.trim();
      // Back with the carrier the range belongs to: no longer ported (Port_All files simply leave such numbers out).
      if (holder && holder.toLowerCase() === ownerId.toLowerCase()) changes!.remove(nsn);
      else changes!.setOwnerSlot(nsn, slotOf(ownerId, changes!));
    } else index!.addOwnerSlot(nsn, slotOf(ownerId, index!));
    return true;
  };
  const slotOf = (ownerId: string, builder: { ownerSlot(id: string): number }) => {
    let slot = slots.get(ownerId);
    if (slot === undefined) slots.set(ownerId, (slot = builder.ownerSlot(ownerId)));
    return slot;
  };
  const fail = (at: number, code: string, message: string): false => {
    report(at, code, message);
    return false;
  };

  try {
    for await (const chunk of chunks) {
      const bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      bytesRead += chunk.byteLength;
      let start = 0;
      for (let at = bytes.indexOf(NEWLINE, start); at !== -1; at = bytes.indexOf(NEWLINE, start)) {
        handle(bytes.toString('latin1', start, at > start && bytes[at - 1] === 13 ? at - 1 : at));
        start = at + 1;
      }
      // Copied: the chunk's buffer may be reused by the stream after we yield.
      carry = start < bytes.length ? Buffer.from(bytes.subarray(start)) : null;
      if (carry && carry.length > 1 << 20) throw new AppError('INVALID_INPUT', `Line ${line + 1} is over 1 MB long: this is not an MNP export.`);
      if (onProgress && bytesRead >= nextProgress) {
        nextProgress = bytesRead + PROGRESS_EVERY;
        onProgress({ bytesRead, totalBytes: totalBytes ?? null, rows: dataRows });
      }
    }
  } catch (error) {
    if (AppError.is(error)) throw error;
    throw new AppError('UNAVAILABLE', `Reading the file failed after ${bytesRead} bytes: ${(error as Error).message}`);
  }
  if (carry) handle(carry.toString('latin1').replace(/\r$/, ''));
  if (layout === undefined) report(1, 'empty_file', 'The file is empty.');
  onProgress?.({ bytesRead, totalBytes: totalBytes ?? null, rows: dataRows });
  const format = layout ? layout.format : null;
  return {
    format,
    index: index ? (index as ReturnType<typeof createPortedIndexBuilder>).build() : null,
    changes: changes ? (changes as ReturnType<typeof createPortedChangesBuilder>).build() : null,
    errors,
    stats: { dataRows, acceptedRows: dataRows - rejectedRows, rejectedRows, issueCount },
  };
}
