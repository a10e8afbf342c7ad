import type { Lang } from '../i18n/lang';

/** The Intl locale each interface language formats with (English uses British day-month order: never ambiguous). */
export function localeOf(lang: Lang): string {
  return lang === 'ru' ? 'ru-RU' : 'en-GB';
}
