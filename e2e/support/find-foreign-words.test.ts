import { describe, expect, it } from 'vitest';
import type { Lang } from '../../lib/i18n/lang';
import { findForeignWords } from './find-foreign-words';

const allowed = new Set(['Asterisk', 'МТС']);

describe('findForeignWords', () => {
  it.each<[string, Lang, string, string[]]>([
    ['a Russian sentence', 'ru', 'Линии и транки: добавьте первую', []],
    ['an English word in Russian', 'ru', 'Сохранено · current', ['current']],
    [
      'acronyms, identifiers and names',
      'ru',
      'SIM-карты, транк gw_mts, DEF-9xx.csv, Bitrix24, Asterisk, 07:09, Ctrl+Enter, PJSIP/{number}@gw_mts, {number}',
      [],
    ],
    ['a command in a Russian sentence', 'ru', 'выполните npm run numbering -- import <файл>', []],
    ['a Russian word in English', 'en', 'Taxpayer ИНН 7740000076', ['ИНН']],
    ['portal data allowed in English', 'en', 'Line МТС (on-net)', []],
    ['an English sentence', 'en', "Calls through the client's carrier SIM", []],
    ['a sentence mixing both', 'en', 'Saved · сохранено', ['сохранено']],
  ])('%s', (_name, lang, text, expected) => {
    expect(findForeignWords({ texts: [text], lang, allowed })).toEqual(expected);
  });
});
