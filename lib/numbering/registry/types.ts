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
  /** `Территория ГАР` column; always filled in the 2026 files, '' in the old six-column format. */
  readonly territory: string;
  /**
   * The regions the block serves, one per entry: `Регион` split on its multi-region markers (`*`, `|`),
   * or `Территория ГАР` split the same way when `Регион` is "-" or empty (259 rows in April 2026).
   * Empty only when neither column names a region.
   */
  readonly regions: readonly string[];
  /**
   * ИНН of the range holder: the stable carrier identity. Rows of the old six-column format have no
   * ИНН; theirs comes from the operator-name catalogue, or is `name:<normalised name>` when the name
   * is unknown (see operator-name-catalogue.ts).
   */
  readonly inn: string;
  /** 1-based physical line in the source file, for messages that point back at the file. */
  readonly line: number;
};

/** `current`: 8 columns with ИНН (2021 on); `legacy`: the old 6 columns, without Территория ГАР and ИНН. */
export type RegistryFormat = 'current' | 'legacy';

export type RegistryStats = {
  /** Physical lines in the text, header included (a final line break does not start another line). */
  readonly lines: number;
  /** Non-blank lines after the header. */
  readonly dataRows: number;
  readonly acceptedRows: number;
  readonly rejectedRows: number;
  readonly warnings: number;
  /** Every issue found; `errors` keeps the first MAX_KEPT_ISSUES of them. */
  readonly issueCount: number;
  readonly distinctInns: number;
  readonly distinctCodes: number;
  /** Sum of to − from + 1 over accepted rows. */
  readonly totalCapacity: number;
};

export type ParsedRegistry = {
  readonly fileName: string | null;
  /** `current` when the header could not be read (there is nothing to parse then anyway). */
  readonly format: RegistryFormat;
  /** Accepted rows, sorted by number and guaranteed not to overlap. */
  readonly ranges: readonly RegistryRange[];
  /** Problems by 1-based line (the first MAX_KEPT_ISSUES found); `severity: 'error'` rows are not in `ranges`. */
  readonly errors: readonly LineIssue[];
  readonly stats: RegistryStats;
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
