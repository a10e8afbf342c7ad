import type { Lang } from '../i18n/lang';
import { localeOf } from './locale-of';

export type FormatDateTimeOptions = {
  /** An ISO string, epoch milliseconds or a Date; nothing gives "—". */
  value: string | number | Date | null | undefined;
  lang: Lang;
  /** A day without its time (a report's range, a file's day). */
  dateOnly?: boolean;
  /** For tests and servers: the zone to show; the reader's own zone by default. */
  timeZone?: string;
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** The one date format of every page: "01.12.2026, 17:39" in Russian, "1 Dec 2026, 17:39" in English. */
export function formatDateTime({ value, lang, dateOnly = false, timeZone }: FormatDateTimeOptions): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  const key = `${lang}:${dateOnly}:${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      day: lang === 'ru' ? '2-digit' : 'numeric',
      month: lang === 'ru' ? '2-digit' : 'short',
      year: 'numeric',
      ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      timeZone,
    });
    formats.set(key, format);
  }
  return format.format(date);
}
