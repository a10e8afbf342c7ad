import type { Lang } from './lang';

/**
 * Interface strings. Russian is the source; every key must exist in English too
 * (the type below makes a missing translation a compile error).
 */
import * as shell from './messages/shell';
import * as routing from './messages/routing';
import * as calls from './messages/calls';
import * as savings from './messages/savings';
import * as lists from './messages/lists';
import * as numbering from './messages/numbering';
import * as errors from './messages/errors';
import * as setup from './messages/setup';
import * as sims from './messages/sims';
import * as wizard from './messages/wizard';

/** Every module's keys; a key missing in English fails to compile in its module. */
const ru = {
  ...shell.ru,
  ...routing.ru,
  ...calls.ru,
  ...savings.ru,
  ...lists.ru,
  ...numbering.ru,
  ...errors.ru,
  ...setup.ru,
  ...sims.ru,
  ...wizard.ru,
};

export type MessageKey = keyof typeof ru;

const en: Record<MessageKey, string> = {
  ...shell.en,
  ...routing.en,
  ...calls.en,
  ...savings.en,
  ...lists.en,
  ...numbering.en,
  ...errors.en,
  ...setup.en,
  ...sims.en,
  ...wizard.en,
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { ru, en };

/** The key's text in `lang`; `{name}` placeholders take their values from `params`. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** For keys built at run time (a status word from the database): true when the dictionaries have it. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ru, key);
}
