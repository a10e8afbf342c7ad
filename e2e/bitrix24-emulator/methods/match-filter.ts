/**
 * Bitrix24 list filters: `{ '>=ID': 5, '@UF_DEPARTMENT': [1,2], '%NAME': 'iv', UF_PHONE_INNER: '101' }`.
 * Values arrive as strings from forms, so comparisons are string-or-number tolerant.
 */

const OPERATORS = ['!@', '>=', '<=', '!=', '=%', '%=', '!%', '@', '>', '<', '=', '%', '!'] as const;
type Operator = (typeof OPERATORS)[number] | '';

function splitOperator(key: string): { operator: Operator; field: string } {
  const operator = OPERATORS.find((item) => key.startsWith(item)) ?? '';
  return { operator, field: key.slice(operator.length).toUpperCase() };
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) return Object.values(value);
  return [value];
}

function same(left: unknown, right: unknown): boolean {
  if (typeof left === 'boolean' || typeof right === 'boolean') return toBool(left) === toBool(right);
  return String(left ?? '').toLowerCase() === String(right ?? '').toLowerCase();
}

function toBool(value: unknown): boolean {
  return value === true || ['y', 'true', '1'].includes(String(value).toLowerCase());
}

function compare(left: unknown, right: unknown): number {
  const a = Number(left);
  const b = Number(right);
  if (Number.isFinite(a) && Number.isFinite(b)) return a - b;
  return String(left).localeCompare(String(right));
}

function matchOne(actual: unknown, operator: Operator, expected: unknown): boolean {
  // A multi-value field (UF_DEPARTMENT) matches when any of its values does.
  if (Array.isArray(actual)) {
    const hit = actual.some((item) => matchOne(item, operator.replace('!', '') as Operator, expected));
    return operator.startsWith('!') ? !hit : hit;
  }
  const text = String(actual ?? '').toLowerCase();
  const wanted = String(expected ?? '').toLowerCase();
  switch (operator) {
    case '':
    case '=':
      return Array.isArray(expected) ? expected.some((item) => same(actual, item)) : same(actual, expected);
    case '!':
    case '!=':
      return Array.isArray(expected) ? !expected.some((item) => same(actual, item)) : !same(actual, expected);
    case '@':
      return asList(expected).some((item) => same(actual, item));
    case '!@':
      return !asList(expected).some((item) => same(actual, item));
    case '%':
      return text.includes(wanted);
    case '!%':
      return !text.includes(wanted);
    case '=%':
      return text.startsWith(wanted.replaceAll('%', ''));
    case '%=':
      return text.endsWith(wanted.replaceAll('%', ''));
    case '>':
      return compare(actual, expected) > 0;
    case '>=':
      return compare(actual, expected) >= 0;
    case '<':
      return compare(actual, expected) < 0;
    case '<=':
      return compare(actual, expected) <= 0;
  }
}

export function matchFilter(row: Record<string, unknown>, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, expected]) => {
    const { operator, field } = splitOperator(key);
    return matchOne(row[field], operator, expected);
  });
}

export function sortRows<T extends Record<string, unknown>>(rows: T[], field: string, order: string): T[] {
  const direction = order.toUpperCase() === 'DESC' ? -1 : 1;
  return [...rows].sort((left, right) => direction * compare(left[field.toUpperCase()], right[field.toUpperCase()]));
}
