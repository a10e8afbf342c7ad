import type { Lang } from '../i18n/lang';
import { localeOf } from './locale-of';

/** How long a piece of work took: "0,4 с" / "0.4 s" under a minute, then "2 мин 05 с" / "2 min 05 s". */
export function formatElapsed(ms: number, lang: Lang): string {
  const s = lang === 'ru' ? 'с' : 's';
  if (ms < 60_000) return `${(ms / 1000).toLocaleString(localeOf(lang), { maximumFractionDigits: 1 })} ${s}`;
  const whole = Math.round(ms / 1000);
  const min = lang === 'ru' ? 'мин' : 'min';
  return `${Math.floor(whole / 60)} ${min} ${String(whole % 60).padStart(2, '0')} ${s}`;
}
