import type { Lang } from '@/lib/i18n/lang';

/** Kopecks → "1 234 ₽" (whole rubles: the dashboard compares totals, not cents). */
export function formatRubles(kopecks: number, lang: Lang): string {
  const rubles = Math.round(kopecks / 100).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US');
  return `${rubles} ${lang === 'ru' ? '₽' : 'RUB'}`;
}

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}
