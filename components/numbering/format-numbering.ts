import type { CarrierShare } from './numbering-types';

/**
 * Carriers are stored by ИНН; people know them by brand. The summary's carrier list names every ИНН in the registry;
 * an ИНН it does not know (e.g. one that lost all its ranges in the last diff) is shown as the bare ИНН.
 */
export function carrierNamer(carriers: readonly CarrierShare[]): (inn: string | null) => string {
  const names = new Map(carriers.map((c) => [c.inn, c.brand ?? c.name]));
  return (inn) => (inn ? (names.get(inn) ?? inn) : '—');
}
