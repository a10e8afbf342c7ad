/**
 * The Registry page's view of the /api/numbering answers. The summary comes from the server's own type; the parts it
 * leaves loose (`diff: unknown`) or that travel only over the wire (the import stream, the lookup rows) are spelt out
 * here as the API documents them, so a component reads typed fields instead of casting at every use.
 */
import type { NumberingSummary } from '@/lib/numbering/store';

export type { NumberingSummary };
export type RegistryVersion = NumberingSummary['history'][number];
export type PortedVersion = NumberingSummary['portedHistory'][number];
export type CarrierShare = NumberingSummary['carriers'][number];

export type LineIssue = { line: number; severity: 'error' | 'warning'; code: string; message: string };

export type RegistryDiff = {
  rangesAdded: number;
  rangesRemoved: number;
  rangesChangedCarrier: number;
  numbersChangedCarrier: number;
  numbersAdded: number;
  numbersRemoved: number;
  topMoves: { fromInn: string; toInn: string; numbers: number }[];
};

export type PortedDiff = { added: number; changedOwner: number; removed: number };

/** One `{"progress": …}` line of the import stream. */
export type ImportProgress = {
  phase: 'reading' | 'activating';
  bytesRead: number;
  totalBytes: number | null;
  rows: number;
};

/** The `{"done": …}` line of the import stream. */
export type ImportResult = {
  type: 'registry' | 'ported';
  outcome: 'activated' | 'unchanged' | 'rejected';
  reason: string | null;
  fileName: string;
  rows: number;
  rejectedRows: number;
  issues: LineIssue[];
  issueCount: number;
  diff: RegistryDiff | PortedDiff | null;
  ms: number;
};

export type LookupSource = 'override' | 'ported' | 'registry' | 'unknown';

/** One answer of POST /api/numbering/lookup. */
export type LookupRow = {
  input: string;
  e164: string | null;
  kind: 'mobile' | 'geographic' | 'tollfree' | 'short' | 'foreign' | null;
  /**
   * An extension written after the number ("доб. 12"): not part of the lookup, shown so the admin sees it was cut off.
   */
  extension: string | null;
  carrier: { inn: string; brand: string | null; name: string } | null;
  region: string | null;
  source: LookupSource;
  detail: 'admin' | 'learned' | 'mnp' | null;
  range: { def: string; from: string; to: string; holderInn: string; holderName: string } | null;
  reason: { code: string; ru: string; en: string } | null;
};

export type OverrideRow = {
  number: string;
  inn: string;
  source: 'admin' | 'learned';
  note: string;
  createdAt: string;
  expiresAt: string | null;
};

export function isRegistryDiff(diff: unknown): diff is RegistryDiff {
  return typeof diff === 'object' && diff !== null && 'rangesChangedCarrier' in diff;
}

export function isPortedDiff(diff: unknown): diff is PortedDiff {
  return typeof diff === 'object' && diff !== null && 'changedOwner' in diff;
}
