import { AppError } from '../errors/app-error';

export const derivedSchemaHeader =
  '// GENERATED from prisma/schema.prisma by `npm run db:generate` — edit that file, not this one.\n' +
  '// The same model for PostgreSQL: only the provider and the client output differ.\n\n';

/**
 * The PostgreSQL copy of the SQLite source schema. Both providers read the same models, so the copy only swaps the
 * datasource provider and points the generated client elsewhere. A native type (`@db.*`) is provider-specific:
 * it is refused rather than silently mistranslated.
 */
export function derivePostgresqlSchema(source: string): string {
  const nativeType = source.match(/^[^/\n]*@db\.\w+/m);
  if (nativeType) {
    throw new AppError(
      'INVALID_INPUT',
      `prisma/schema.prisma: native types are provider-specific, remove "${nativeType[0].trim()}"`,
    );
  }
  const swaps: Array<[RegExp, string]> = [
    [/(datasource\s+\w+\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"'],
    [
      /(generator\s+\w+\s*\{[^}]*output\s*=\s*)"\.\.\/lib\/db\/generated\/sqlite"/,
      '$1"../../lib/db/generated/postgresql"',
    ],
  ];
  let derived = source.replace(/^(\/\/[^\n]*\n)+\n?/, '');
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(derived))
      throw new AppError('INVALID_INPUT', `prisma/schema.prisma: expected to match ${pattern}`);
    derived = derived.replace(pattern, replacement);
  }
  return derivedSchemaHeader + derived;
}
