/**
 * Compares a value's shape with a documentation sample: the same keys and the same value types, never the values.
 * `null` in the sample admits any type (the docs show the field may be empty); arrays compare their first items.
 */

export type CompareShapeOptions = {
  /** Keys (at any depth) the answer may carry although this sample lacks them, e.g. fields filled only when set. */
  extraKeys?: string[];
  /** Keys of the sample the answer may leave out. */
  optionalKeys?: string[];
  /** Keys whose type is not compared (the docs' pages disagree among themselves). */
  anyTypeKeys?: string[];
};

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function compareShape(
  sample: unknown,
  actual: unknown,
  options: CompareShapeOptions = {},
  path = '$',
): string[] {
  const key = path.split('.').at(-1) ?? '';
  if (sample === null || options.anyTypeKeys?.includes(key)) return [];
  const expected = typeName(sample);
  const got = typeName(actual);
  if (expected !== got) return [`${path}: the docs have ${expected}, the emulator ${got}`];
  if (Array.isArray(sample) && Array.isArray(actual)) {
    return sample.length > 0 && actual.length > 0 ? compareShape(sample[0], actual[0], options, `${path}[0]`) : [];
  }
  if (expected !== 'object') return [];
  const want = sample as Record<string, unknown>;
  const have = actual as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of Object.keys(want)) {
    if (!(name in have)) {
      if (!options.optionalKeys?.includes(name))
        problems.push(`${path}.${name}: in the docs, missing from the emulator`);
      continue;
    }
    problems.push(...compareShape(want[name], have[name], options, `${path}.${name}`));
  }
  for (const name of Object.keys(have)) {
    if (!(name in want) && !options.extraKeys?.includes(name))
      problems.push(`${path}.${name}: not in the docs' sample`);
  }
  return problems;
}
