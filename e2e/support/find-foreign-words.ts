import type { Lang } from '../../lib/i18n/lang';

export type FindForeignWordsOptions = {
  /** The page's visible texts. */
  texts: readonly string[];
  lang: Lang;
  /** Words of the other alphabet that are allowed: proper names, the portal's own data. */
  allowed: ReadonlySet<string>;
};

const LATIN = /[A-Za-z]/;
const CYRILLIC = /[А-Яа-яЁё]/;
/** Numbers, file names, addresses, identifiers, keys (gw_mts, DEF-9xx.csv, Bitrix24, 07:09, Ctrl+Enter). */
const NOT_A_WORD = /[\d_@/\\.:=#+{}]/;
/** A command to type (npm run numbering -- import <file>) is code, the same in both languages. */
const COMMAND = /\bnpm run [\w:-]+( -- [\w-]+)?/g;
/** Acronyms read the same in both languages: SIM, PBX, AMI, CSV, MVNO, HR. */
const ACRONYM = /^[A-Z]{2,6}$/;

/**
 * Words of the other language's alphabet on a page: Latin words in the Russian interface, Cyrillic words in the
 * English one. Hyphenated words are checked part by part ("SIM-карты" is an acronym and a Russian word).
 */
export function findForeignWords({ texts, lang, allowed }: FindForeignWordsOptions): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const token of text.replace(COMMAND, ' ').split(/\s+/)) {
      if (NOT_A_WORD.test(token)) continue;
      for (const raw of token.split(/[-–—]/)) {
        const part = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
        if (!part || allowed.has(part)) continue;
        if (lang === 'ru' && LATIN.test(part) && !ACRONYM.test(part)) found.add(part);
        if (lang === 'en' && CYRILLIC.test(part)) found.add(part);
      }
    }
  }
  return [...found];
}
