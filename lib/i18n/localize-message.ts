import type { Lang } from './lang';

/** Server messages come as "Русский / English"; show the half in the page's language (the whole text if not split). */
export function localizeMessage(message: string, lang: Lang): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return lang === 'ru' ? message.slice(0, at) : message.slice(at + 3);
}
