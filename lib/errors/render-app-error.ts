import type { Lang } from '../i18n/lang';
import { isMessageKey, translate } from '../i18n/messages';
import type { AppError, AppErrorMessage, AppErrorParams } from './app-error';

export type RenderedAppError = { code: string; message: string; fields?: Record<string, string> };

/** An AppError as the reader sees it: its key and field keys in `lang`; run-time texts as they are. */
export function renderAppError(error: AppError, lang: Lang): RenderedAppError {
  const message = renderMessage(error.key, lang, error.params);
  if (!error.fields) return { code: error.code, message };
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([path, text]) => [path, renderMessage(text, lang)]),
  );
  return { code: error.code, message, fields };
}

export function renderMessage(text: AppErrorMessage, lang: Lang, params?: AppErrorParams): string {
  return isMessageKey(text) ? translate(lang, text, params) : text;
}
