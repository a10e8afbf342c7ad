import { AppError } from '../../errors/app-error';
import type { RegistryRange } from '../registry';

/**
 * The registry is published as four files by the first digit of the code; a new file replaces only the file of its
 * own kind, so importing ABC-4xx never drops the mobile ranges.
 */
export const registryKinds = ['ABC-3xx', 'ABC-4xx', 'ABC-8xx', 'DEF-9xx'] as const;
export type RegistryKind = (typeof registryKinds)[number];

const kindByDigit: Record<string, RegistryKind> = { '3': 'ABC-3xx', '4': 'ABC-4xx', '8': 'ABC-8xx', '9': 'DEF-9xx' };

export type RegistryKindOfOptions = { ranges: readonly RegistryRange[]; fileName: string };

/** The kind a parsed file belongs to, from its codes (file names vary between mirrors); mixed codes are refused. */
export function registryKindOf({ ranges, fileName }: RegistryKindOfOptions): RegistryKind {
  const kinds = new Set<RegistryKind>();
  for (const range of ranges) {
    const kind = kindByDigit[range.def[0]!];
    if (kind) kinds.add(kind);
  }
  if (kinds.size === 1) return [...kinds][0]!;
  if (kinds.size === 0) throw new AppError('INVALID_INPUT', `"${fileName}" has no usable registry rows.`);
  throw new AppError(
    'INVALID_INPUT',
    `"${fileName}" mixes codes of ${[...kinds].join(', ')}; the registry is published one file per kind ` +
      `(ABC-3xx, ABC-4xx, ABC-8xx, DEF-9xx).`,
  );
}
