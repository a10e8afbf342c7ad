import type { Lang } from '../i18n/lang';
import { localeOf } from './locale-of';

export type FormatPercentOptions = {
  /** A share of one (0.12 is 12 %). */
  share: number | null | undefined;
  lang: Lang;
  fractionDigits?: number;
};

/** A share as per cent: "12 %" in Russian, "12%" in English; "—" when there is none. */
export function formatPercent({ share, lang, fractionDigits = 0 }: FormatPercentOptions): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return share.toLocaleString(localeOf(lang), { style: 'percent', maximumFractionDigits: fractionDigits });
}
