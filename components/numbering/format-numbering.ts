import type { Lang } from '@/lib/i18n/lang';
import type { CarrierShare } from './numbering-types';

const locale = (lang: Lang) => (lang === 'ru' ? 'ru-RU' : 'en-US');

export function formatCount(value: number, lang: Lang): string {
  return value.toLocaleString(locale(lang));
}

export function formatDateTime(iso: string | null, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

export function formatBytes(bytes: number, lang: Lang): string {
  const units = lang === 'ru' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString(locale(lang), { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/** "+7 915 123-45-67" for a stored "79151234567"; anything else as it is. */
export function formatE164(e164: string): string {
  const m = /^7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : e164;
}

/**
 * Carriers are stored by ИНН; people know them by brand. The summary's carrier list names every ИНН in the registry;
 * an ИНН it does not know (e.g. one that lost all its ranges in the last diff) is shown as the bare ИНН.
 */
export function carrierNamer(carriers: readonly CarrierShare[]): (inn: string | null) => string {
  const names = new Map(carriers.map((c) => [c.inn, c.brand ?? c.name]));
  return (inn) => (inn ? (names.get(inn) ?? inn) : '—');
}
