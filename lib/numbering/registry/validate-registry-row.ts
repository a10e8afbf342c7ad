import type { LineIssue, RegistryFormat, RegistryRange } from './types';

export type ValidatedRow = { readonly range: RegistryRange | null; readonly issues: LineIssue[] };

export type ValidateRegistryRowOptions = {
  readonly format: RegistryFormat;
  /** Shares identical strings between rows; see below. */
  readonly interned: Map<string, string>;
  /** Shares the `regions` arrays the same way, keyed by the column they were split from. */
  readonly regionLists: Map<string, readonly string[]>;
  /**
   * ИНН for a legacy row's operator name. Called only for rows that are otherwise valid, so the
   * parser counts the rows of an unknown name without counting rejected ones.
   */
  readonly innForOperator: (operator: string, line: number) => string;
};

const CODE = /^[3489]\d\d$/;
/** Spreadsheets drop leading zeros when a file is re-saved, so 1–7 digits are accepted and re-padded. */
const SUBSCRIBER_NUMBER = /^\d{1,7}$/;
const CAPACITY = /^\d{1,8}$/;
/** Range holders are legal entities, whose ИНН has 10 digits (12 is for individuals). */
const INN = /^\d{10}$/;
/** Multi-region rows: "г. Москва * Московская область", "Корякский округ|Камчатский край". */
const REGION_SEPARATOR = /[*|]/;
const COLUMNS: Record<RegistryFormat, number> = { current: 8, legacy: 6 };

/**
 * Checks one split registry row. Every problem is reported (not just the first) so that one pass over
 * the file tells the admin everything wrong with a line.
 *
 * Capacity (`Емкость`) that disagrees with To − From + 1 is a *warning* and the row is kept: the
 * bounds are what routing uses and the capacity column is derived from them, so a typo in it changes
 * nothing; rejecting the row instead would open a hole where numbers certainly are allocated, and
 * calls to them would silently fall back to the default trunk. (The April 2026 file has no mismatch.)
 *
 * A legacy (six-column) row has no `Территория ГАР` and no ИНН: its territory is '' and its ИНН comes
 * from `innForOperator`, so the rest of the app sees one shape whatever the file's age.
 *
 * `interned` shares identical strings (operator names, regions) between rows: ~16k rows use fewer
 * than 1,000 distinct values, and the index keeps these strings for its whole life.
 */
export function validateRegistryRow(fields: string[], line: number, options: ValidateRegistryRowOptions): ValidatedRow {
  const issues: LineIssue[] = [];
  const { format, interned } = options;
  const columns = COLUMNS[format];
  if (fields.length !== columns) {
    reject(issues, line, 'column_count', `Expected ${columns} columns separated by ";", found ${fields.length}.`);
    return { range: null, issues };
  }
  const [code, fromRaw, toRaw, capacityRaw, operator, region, territory = '', innRaw = ''] = fields.map(trimField) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string?,
    string?,
  ];

  if (!CODE.test(code))
    reject(issues, line, 'invalid_code', `Code "${code}" is not a 3-digit ABC/DEF code (3xx, 4xx, 8xx or 9xx).`);
  const fromValid = SUBSCRIBER_NUMBER.test(fromRaw);
  const toValid = SUBSCRIBER_NUMBER.test(toRaw);
  if (!fromValid) reject(issues, line, 'invalid_from', `"От" value "${fromRaw}" is not a number of up to 7 digits.`);
  if (!toValid) reject(issues, line, 'invalid_to', `"До" value "${toRaw}" is not a number of up to 7 digits.`);
  const from = fromRaw.padStart(7, '0');
  const to = toRaw.padStart(7, '0');
  if (fromValid && toValid && from > to)
    reject(issues, line, 'reversed_range', `"От" ${from} is greater than "До" ${to}.`);
  if (!CAPACITY.test(capacityRaw))
    reject(issues, line, 'invalid_capacity', `"Емкость" value "${capacityRaw}" is not a whole number.`);
  if (operator === '') reject(issues, line, 'missing_operator', 'The "Оператор" column is empty.');
  if (format === 'current' && !INN.test(innRaw))
    reject(issues, line, 'invalid_inn', `ИНН "${innRaw}" must be exactly 10 digits.`);
  if (issues.length > 0) return { range: null, issues };
  const inn = format === 'current' ? innRaw : options.innForOperator(operator, line);

  const capacity = Number(capacityRaw);
  const expected = Number(to) - Number(from) + 1;
  if (capacity !== expected) {
    issues.push({
      line,
      severity: 'warning',
      code: 'capacity_mismatch',
      message:
        `"Емкость" is ${capacity} but ${from}–${to} holds ${expected} numbers; the row is kept and the range ` +
        `bounds are used.`,
    });
  }
  const range: RegistryRange = Object.freeze({
    def: share(interned, code),
    from,
    to,
    capacity,
    operator: share(interned, operator),
    region: share(interned, region),
    territory: share(interned, territory),
    regions: regionsOf(region === '-' || region === '' ? territory : region, options.regionLists),
    inn: share(interned, inn),
    line,
  });
  return { range, issues };
}

// Module-level helpers rather than closures per row: creating closures per row showed up in the
// profile (tsx/esbuild wraps each one to keep its name).
function reject(issues: LineIssue[], line: number, code: string, message: string): void {
  issues.push({ line, severity: 'error', code, message });
}

function trimField(field: string): string {
  return field.trim();
}

function regionsOf(column: string, lists: Map<string, readonly string[]>): readonly string[] {
  const known = lists.get(column);
  if (known !== undefined) return known;
  const regions: string[] = [];
  for (const part of column.split(REGION_SEPARATOR)) {
    const region = part.trim();
    if (region !== '' && region !== '-') regions.push(region);
  }
  const shared = Object.freeze(regions);
  lists.set(column, shared);
  return shared;
}

function share(interned: Map<string, string>, value: string): string {
  const known = interned.get(value);
  if (known !== undefined) return known;
  interned.set(value, value);
  return value;
}
