/**
 * Shared shapes of the numbering module. Everything here is plain data so that it can cross the
 * server/client boundary and be cached or serialised without surprises.
 */

/** One accepted row of the registry, in the registry's own spelling. */
export type RegistryRange = {
  /** ABC/DEF code, 3 digits as in the file, e.g. "915". */
  readonly def: string;
  /** First subscriber number of the block, 7 digits zero-padded, e.g. "0000000". */
  readonly from: string;
  /** Last subscriber number of the block (inclusive), 7 digits. */
  readonly to: string;
  /** The `Емкость` column as written (validated against to − from + 1, see parse-registry.ts). */
  readonly capacity: number;
  /** Operator name exactly as the registry spells it; several spellings exist per ИНН. */
  readonly operator: string;
  /** `Регион` column; "-" in some rows, so prefer `territory` for display. */
  readonly region: string;
  /** `Территория ГАР` column; always filled in the 2026 files. */
  readonly territory: string;
  /** ИНН of the range holder: the stable carrier identity. */
  readonly inn: string;
  /** 1-based physical line in the source file, for messages that point back at the file. */
  readonly line: number;
};

export type RegistryIssueSeverity = 'error' | 'warning';

/**
 * A problem found in one line of a file. `error` rows are kept out of the result; `warning` rows are
 * kept (the message says why the row is still trusted).
 */
export type LineIssue = {
  readonly line: number;
  readonly severity: RegistryIssueSeverity;
  readonly code: string;
  readonly message: string;
};

/** The part of a registry row a lookup reports back. */
export type RangeRef = { readonly def: string; readonly from: string; readonly to: string };

/** Result of `lookupCarrier`: who holds the range the number belongs to. */
export type CarrierMatch = {
  readonly inn: string;
  readonly operator: string;
  readonly region: string;
  readonly territory: string;
  readonly range: RangeRef;
  readonly source: 'registry';
};
