import type { Lang } from '../i18n/lang';
import { localeOf } from './locale-of';

export type FormatCountOptions = {
  value: number | null | undefined;
  lang: Lang;
  /** Digits after the decimal point, at most (a ratio, a share in per cent). */
  fractionDigits?: number;
};

/** A count or a measure: "1 234 567" / "1,234,567", "1,5" / "1.5"; "—" when there is none. */
export function formatCount({ value, lang, fractionDigits = 0 }: FormatCountOptions): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString(localeOf(lang), { maximumFractionDigits: fractionDigits });
}
