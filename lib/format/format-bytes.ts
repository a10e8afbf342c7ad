import type { Lang } from '../i18n/lang';
import { localeOf } from './locale-of';

const units: Record<Lang, string[]> = { ru: ['Б', 'КБ', 'МБ', 'ГБ'], en: ['B', 'KB', 'MB', 'GB'] };

/** A file size: "1,5 МБ" / "1.5 MB". */
export function formatBytes(bytes: number, lang: Lang): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units[lang].length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = value.toLocaleString(localeOf(lang), { maximumFractionDigits: unit === 0 ? 0 : 1 });
  return `${number} ${units[lang][unit]}`;
}
