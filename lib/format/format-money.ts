import type { Lang } from '../i18n/lang';
import { localeOf } from './locale-of';

export type FormatMoneyOptions = {
  kopecks: number | null | undefined;
  lang: Lang;
  /** Whole roubles, for totals compared at a glance (the savings dashboard); else roubles and kopecks. */
  whole?: boolean;
};

const formats = new Map<string, Intl.NumberFormat>();

/** Money in roubles: "0,60 ₽" in Russian, "₽0.60" in English; "—" when there is no amount. */
export function formatMoney({ kopecks, lang, whole = false }: FormatMoneyOptions): string {
  if (kopecks === null || kopecks === undefined) return '—';
  const key = `${lang}:${whole}`;
  let format = formats.get(key);
  if (!format) {
    const digits = whole ? 0 : 2;
    format = new Intl.NumberFormat(localeOf(lang), {
      style: 'currency',
      currency: 'RUB',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format.format(kopecks / 100);
}
