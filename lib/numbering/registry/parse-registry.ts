import type { KnownOperator } from './operator-name-catalogue';
import { createRegistryLineParser } from './registry-line-parser';
import type { ParsedRegistry } from './types';

export type { ParsedRegistry, RegistryFormat, RegistryStats } from './types';

export type ParseRegistryOptions = {
  readonly fileName?: string;
  /**
   * (name, ИНН) pairs of the registry in use, for files in the old six-column format, which name
   * operators but carry no ИНН. Ignored for current-format files.
   */
  readonly knownOperators?: Iterable<KnownOperator>;
};

/**
 * Parses an extract of the numbering-plan registry (DEF-9xx.csv, and the ABC-3xx/4xx/8xx files of
 * the same shape), current 8-column or pre-2021 6-column format. Pure: the caller decodes bytes (see
 * load-registry-file.ts), or uses parseRegistryStream for a file too large to hold as one string.
 * Bad rows are reported with their line and left out instead of failing the whole file, because one
 * typo in 16k rows must not take carrier routing down; the caller decides whether the error count
 * is acceptable.
 */
export function parseRegistry(text: string, options: ParseRegistryOptions = {}): ParsedRegistry {
  const parser = createRegistryLineParser(options);
  parser.write(text);
  return parser.end();
}
