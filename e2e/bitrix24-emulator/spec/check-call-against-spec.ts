/**
 * Whether one REST call's params satisfy the method's machine-readable spec (vendored from the official docs):
 * known parameter names, required ones present, values of the documented type. Pure: the spec comes in.
 */

export type SpecParam = { name: string; type: string; base?: string; required: boolean | string };

export type MethodSpec = {
  method: string;
  params: SpecParam[];
  /** `false` when the page had no parameter table and `params` lists response fields instead. */
  requiredConvention?: boolean;
  resultExample?: unknown;
  source: { file: string };
};

export type SpecViolation =
  | { kind: 'unknown'; name: string }
  | { kind: 'missing'; names: string[] }
  | { kind: 'type'; name: string; expected: string; got: string };

export type CheckCallAgainstSpecOptions = { spec: MethodSpec; params: Record<string, unknown> };

/**
 * Parameters the docs mark required each, while the page's text asks for at least one of them
 * (register and finish: "USER_ID or USER_PHONE_INNER should be set").
 */
const ONE_OF: Record<string, string[][]> = {
  'telephony.externalcall.register': [['USER_ID', 'USER_PHONE_INNER']],
  'telephony.externalcall.finish': [['USER_ID', 'USER_PHONE_INNER']],
};

/**
 * Types the spec states too narrowly: user-get.md's own examples pass FILTER as an object, and the official
 * b24jssdk's callList sends `order` as `{ID: 'ASC'}`.
 */
const TYPE_ERRATA: Record<string, Record<string, string>> = {
  'user.get': { FILTER: 'object', ORDER: 'string/object' },
};

/** Sent with every call (the token; the official b24jssdk's request id and version), never a method's params. */
const TRANSPORT_PARAMS = new Set(['auth', 'bx24_request_id', 'bx24_sdk_ver', 'bx24_sdk_type']);

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** Form-encoded and batched calls carry every scalar as a string, so numeric strings count as numbers. */
function fitsType(type: string, value: unknown): boolean {
  const text = typeof value === 'string' ? value.trim() : undefined;
  switch (type) {
    case 'integer':
    case 'int':
      return (typeof value === 'number' && Number.isInteger(value)) || (text !== undefined && /^-?\d+$/.test(text));
    case 'double':
    case 'number':
      return (
        (typeof value === 'number' && Number.isFinite(value)) || (text !== undefined && /^-?\d+(\.\d+)?$/.test(text))
      );
    case 'boolean':
      return (
        typeof value === 'boolean' ||
        (text !== undefined && /^(y|n|true|false|0|1)$/i.test(text)) ||
        value === 0 ||
        value === 1
      );
    case 'string':
      return typeof value === 'string' || typeof value === 'number';
    case 'array':
      return Array.isArray(value) || (typeof value === 'object' && value !== null);
    case 'object':
      return typeof value === 'object' && value !== null;
    default:
      return true;
  }
}

export function checkCallAgainstSpec({ spec, params }: CheckCallAgainstSpecOptions): SpecViolation[] {
  const method = spec.method.toLowerCase();
  const documented = spec.requiredConvention === false ? [] : spec.params;
  const byName = new Map(documented.map((item) => [item.name.toUpperCase(), item]));
  const given = new Map(Object.entries(params).map(([key, value]) => [key.toUpperCase(), value]));
  const violations: SpecViolation[] = [];
  for (const [name, value] of given) {
    if (TRANSPORT_PARAMS.has(name.toLowerCase())) continue;
    const item = byName.get(name);
    if (!item) {
      violations.push({ kind: 'unknown', name });
      continue;
    }
    const type = TYPE_ERRATA[method]?.[item.name.toUpperCase()] ?? item.type;
    if (!isBlank(value) && !type.split('/').some((candidate) => fitsType(candidate, value))) {
      violations.push({ kind: 'type', name: item.name, expected: type, got: describeType(value) });
    }
  }
  const groups = ONE_OF[method] ?? [];
  const grouped = new Set(groups.flat());
  for (const group of groups) {
    if (group.every((name) => isBlank(given.get(name)))) violations.push({ kind: 'missing', names: group });
  }
  for (const item of documented) {
    if (item.required !== true || grouped.has(item.name.toUpperCase())) continue;
    if (isBlank(given.get(item.name.toUpperCase()))) violations.push({ kind: 'missing', names: [item.name] });
  }
  return violations;
}
