import { findCarrierByMnpOwnerId } from '../registry';
import { splitDelimitedLine } from '../registry';
import type { LineIssue } from '../registry';

/**
 * The three layouts of the MNP database (БДПН) exports, as its operator publishes them. All are comma-separated with a
 * header line; `RowCount` is filled on the first data row only.
 * - port_all       Port_All_*.csv:       Number,OwnerId,MNC,Route,RegionCode,PortDate,RowCount
 * - port_all_full  Port_All_Full_*.csv:  the above + NPId,DonorId,RangeHolderId,OldRoute,OldMNC,ProcessType
 * - port_increment Port_Increment_*.csv:
 *   NPId,Number,RecipientId,DonorId,RangeHolderId,OldRoute,NewRoute,OldMNC,NewMNC,RegionCode,PortDate,RowCount
 */
export type PortedFileFormat = 'port_all' | 'port_all_full' | 'port_increment';

export type PortedNumber = {
  /** "7" + the 10-digit number, the same form as `normalizePhoneNumber`'s e164. */
  readonly e164: string;
  /** Recipient (current carrier) as the file names it, e.g. "mMEGAFON". */
  readonly ownerId: string;
  /** ИНН of the recipient when the owner id is a known one (see carriers.ts), else null. */
  readonly inn: string | null;
  readonly mnc: string;
  /** `D` + region code + MNC, e.g. "D2502": the routing number carriers use. */
  readonly route: string;
  readonly regionCode: string;
  /** ISO-8601 timestamp as in the file, or null when the column is empty. */
  readonly portedAt: string | null;
  readonly line: number;
};

export type ParsedPortedNumbers = {
  readonly format: PortedFileFormat | null;
  /** Keyed by e164. When a number occurs twice (increments), the later port date wins. */
  readonly ported: ReadonlyMap<string, PortedNumber>;
  readonly errors: readonly LineIssue[];
  readonly stats: { readonly dataRows: number; readonly acceptedRows: number; readonly rejectedRows: number };
};

type Owner = { readonly ownerId: string; readonly inn: string | null };

export type Columns = {
  number: number;
  owner: number;
  mnc: number;
  route: number;
  region: number;
  date: number;
  holder?: number;
};

const NUMBER = /^\d{10}$/;
const MNC = /^\d{2,3}$/;
const ROUTE = /^D\d{4,5}$/;
const REGION = /^\d{1,3}$/;

/**
 * Parses one MNP export held in memory. Meant for increments and for a customer's own extract; the
 * national Port_All file (~20 M rows, ~1 GB) exceeds what a JS string and Map should hold and
 * belongs in the database, streamed line by line with the same per-row rules.
 */
export function parsePortedNumbers(text: string): ParsedPortedNumbers {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/);
  const errors: LineIssue[] = [];
  const detected = detectFormat(lines[0] ?? '');
  if (!detected) {
    errors.push({
      line: 1,
      severity: 'error',
      code: 'unknown_header',
      message: 'Unrecognised header: expected a Port_All, Port_All_Full or Port_Increment file with its header line.',
    });
    return { format: null, ported: new Map(), errors, stats: { dataRows: 0, acceptedRows: 0, rejectedRows: 0 } };
  }

  const { format, columns, width } = detected;
  const ported = new Map<string, PortedNumber>();
  const owners = new Map<string, Owner>();
  let dataRows = 0;
  let rejectedRows = 0;
  for (let index = 1; index < lines.length; index += 1) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '') continue;
    dataRows += 1;
    const line = index + 1;
    const entry = readRow(raw, line, width, columns, errors, owners);
    if (!entry) {
      rejectedRows += 1;
      continue;
    }
    const previous = ported.get(entry.e164);
    if (!previous || timeOf(previous) <= timeOf(entry)) ported.set(entry.e164, entry);
  }
  return { format, ported, errors, stats: { dataRows, acceptedRows: dataRows - rejectedRows, rejectedRows } };
}

/** Offsets differ between files (+03:00, Z), so compare instants, not strings; no date sorts first. */
function timeOf(entry: PortedNumber): number {
  return entry.portedAt === null ? -Infinity : Date.parse(entry.portedAt);
}

/** The layout of an MNP export from its header line (shared with the streaming parser), or null. */
export function detectFormat(headerLine: string): { format: PortedFileFormat; columns: Columns; width: number } | null {
  const names = headerLine.split(',').map((name) => name.trim().toLowerCase());
  const at = (name: string) => names.indexOf(name.toLowerCase());
  const increment = at('RecipientId') !== -1;
  const columns: Columns = {
    number: at('Number'),
    owner: increment ? at('RecipientId') : at('OwnerId'),
    mnc: increment ? at('NewMNC') : at('MNC'),
    route: increment ? at('NewRoute') : at('Route'),
    region: at('RegionCode'),
    date: at('PortDate'),
  };
  if (Object.values(columns).some((position) => position === -1)) return null;
  // Increments name the range holder: a number ported back to it is no longer ported.
  if (increment && at('RangeHolderId') !== -1) columns.holder = at('RangeHolderId');
  const format: PortedFileFormat = increment ? 'port_increment' : at('NPId') !== -1 ? 'port_all_full' : 'port_all';
  return { format, columns, width: names.length };
}

function readRow(
  raw: string,
  line: number,
  width: number,
  columns: Columns,
  errors: LineIssue[],
  owners: Map<string, Owner>,
): PortedNumber | null {
  const split = splitDelimitedLine(raw, ',');
  if (!split.ok) return reject(errors, line, 'malformed_line', split.message);
  const fields = split.fields.map((field) => field.trim());
  if (fields.length !== width)
    return reject(errors, line, 'column_count', `Expected ${width} columns separated by ",", found ${fields.length}.`);
  const number = fields[columns.number] ?? '';
  const ownerId = fields[columns.owner] ?? '';
  const mnc = fields[columns.mnc] ?? '';
  const route = fields[columns.route] ?? '';
  const regionCode = fields[columns.region] ?? '';
  const date = fields[columns.date] ?? '';
  if (!NUMBER.test(number))
    return reject(errors, line, 'invalid_number', `Number "${number}" must be 10 digits without the country code.`);
  if (ownerId === '') return reject(errors, line, 'missing_owner', 'The recipient operator id is empty.');
  if (!MNC.test(mnc)) return reject(errors, line, 'invalid_mnc', `MNC "${mnc}" must be 2 or 3 digits.`);
  if (route !== '' && !ROUTE.test(route))
    return reject(errors, line, 'invalid_route', `Route "${route}" must look like D2502.`);
  if (regionCode !== '' && !REGION.test(regionCode))
    return reject(errors, line, 'invalid_region', `Region code "${regionCode}" must be digits.`);
  if (date !== '' && Number.isNaN(Date.parse(date)))
    return reject(errors, line, 'invalid_date', `Port date "${date}" is not an ISO-8601 timestamp.`);

  // Millions of rows share a handful of owner ids: keep one string and one ИНН lookup per id.
  let owner = owners.get(ownerId);
  if (owner === undefined) {
    owner = { ownerId, inn: findCarrierByMnpOwnerId(ownerId)?.inn ?? null };
    owners.set(ownerId, owner);
  }
  return {
    e164: `7${number}`,
    ownerId: owner.ownerId,
    inn: owner.inn,
    mnc,
    route,
    regionCode,
    portedAt: date === '' ? null : date,
    line,
  };
}

/**
 * A module-level function, not a closure inside readRow: tsx/esbuild's keep-names wrapper re-runs for
 * every closure created, and per row that was the largest cost in the profile.
 */
function reject(errors: LineIssue[], line: number, code: string, message: string): null {
  errors.push({ line, severity: 'error', code, message });
  return null;
}
