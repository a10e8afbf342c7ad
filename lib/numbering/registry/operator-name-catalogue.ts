import { knownCarriers } from './carriers';

/** One (name, ИНН) pair as a current-format registry writes it. */
export type KnownOperator = { readonly operator: string; readonly inn: string };

export type CreateOperatorCatalogueOptions = {
  /**
   * Pairs from registries in current format (the caller passes every pair of the registry in use).
   * They win over the built-in seed: they are what the registry says today.
   */
  readonly known?: Iterable<KnownOperator>;
};

export type OperatorCatalogue = {
  /**
   * The ИНН of an operator name, or null when the name is unknown or names more than one ИНН in
   * `known` (different companies do share short names; guessing one would misroute their numbers).
   */
  innFor(name: string): string | null;
};

/**
 * Names as the 2020-era six-column files (and the current ones) spell them, where they differ from
 * the brand in carriers.ts. Renames matter most: the 2020 file says "Вымпел-Коммуникации" where
 * today's says "ВЫМПЕЛКОМ", and a name matched only against today's file would lose Beeline.
 */
const REGISTRY_NAMES: readonly (readonly [inn: string, ...names: string[]])[] = [
  ['7740000076', 'МТС', 'Мобильные ТелеСистемы'],
  ['7812014560', 'МегаФон'],
  ['7713076301', 'ВымпелКом', 'Вымпел-Коммуникации'],
  ['7743895280', 'Т2 Мобайл'],
  ['7743200179', 'Т-МОБ', 'Тинькофф Мобайл'],
  ['7701725181', 'Скартел'],
  ['6661079603', 'ЕКАТЕРИНБУРГ-2000'],
  ['7736264044', 'Сбербанк-Телеком'],
  ['7707049388', 'Ростелеком'],
  ['9705121882', 'ВТБ Мобайл'],
  ['9725152215', 'Альфа-Мобайл'],
  ['7740000020', 'Газпром телеком'],
  ['7705017253', 'МТТ', 'Межрегиональный ТранзитТелеком'],
  ['7702527584', 'Миранда-Медиа'],
  ['2308210371', 'К-Телеком'],
  [
    '9308013351',
    'ГУП ДНР "РОС"',
    'ГУП ДНР «Республиканский оператор связи»',
    'Государственное унитарное предприятие Донецкой Народной Республики «Республиканский оператор связи»',
  ],
  ['9402011009', 'МКС', 'Мобильные коммуникационные системы'],
  ['7703383783', 'ГЛОНАСС'],
  ['7707840631', 'СИМ Телеком'],
  ['7727443720', 'НМК'],
  ['7723635005', 'Глобал Телеком'],
  ['1655327859', 'ТМТ'],
  ['7709219099', 'Компания ТрансТелеКом'],
  ['7733808377', 'Интернод'],
  ['7723613650', 'Спринт'],
  ['9725007063', 'Безлимит'],
  ['9722028932', 'Мой оператор'],
  ['9718174994', 'ВТК-Мобайл'],
  ['7841482919', 'МиАТел'],
  ['6163225548', 'Экспресс Мобайл'],
  ['7710474375', 'Минцифры России'],
];

/**
 * Legal forms, abbreviated and spelled out, after case folding and punctuation removal. The same
 * company appears as `ПАО "МТС"`, `ОАО "МТС"` (before the 2014 reform) and
 * `Публичное акционерное общество "МТС"`; the form says nothing about which carrier it is.
 */
const LEGAL_FORMS = [
  'федеральное государственное унитарное предприятие',
  'государственное унитарное предприятие',
  'муниципальное унитарное предприятие',
  'публичное акционерное общество',
  'непубличное акционерное общество',
  'открытое акционерное общество',
  'закрытое акционерное общество',
  'акционерное общество',
  'общество с ограниченной ответственностью',
  'индивидуальный предприниматель',
  'фгуп',
  'гуп',
  'муп',
  'пао',
  'нао',
  'оао',
  'зао',
  'ооо',
  'ао',
  'ип',
];

// Built once: the parser normalises every distinct name of a file, and regexes compiled per call
// would dominate that cost.
const YO = /ё/g;
/** Quotes of every kind («»"'„“), hyphens, dots, parentheses: none of them distinguishes carriers. */
const NOT_A_WORD = /[^\p{L}\p{N}]+/gu;
/** Padded with spaces by the caller so that a form matches only as whole words ("ао" in "Газпром" stays). */
const LEGAL_FORM = new RegExp(` (?:${LEGAL_FORMS.join('|')})(?= )`, 'g');
const SPACES = / +/g;

/**
 * The comparable form of an operator name: lower case, ё → е, no quotes, legal forms or punctuation,
 * single spaces. `ООО "Т2 МОБАЙЛ"` and `Общество с ограниченной ответственностью «Т2 Мобайл»` both
 * give "т2 мобайл". A hyphen becomes a space rather than vanishing so that "Т2-Мобайл" and
 * "Т2 Мобайл" agree.
 */
export function normalizeOperatorName(name: string): string {
  const words = name.toLowerCase().replace(YO, 'е').replace(NOT_A_WORD, ' ');
  const normalized = ` ${words} `.replace(LEGAL_FORM, ' ').replace(SPACES, ' ').trim();
  // A name that is nothing but a legal form ("ООО") still has to be told apart from an empty one.
  return normalized === '' ? words.replace(SPACES, ' ').trim() : normalized;
}

let seed: ReadonlyMap<string, string> | null = null;

function seedNames(): ReadonlyMap<string, string> {
  if (seed) return seed;
  const names = new Map<string, string>();
  for (const carrier of knownCarriers) {
    names.set(normalizeOperatorName(carrier.name.ru), carrier.inn);
    names.set(normalizeOperatorName(carrier.name.en), carrier.inn);
  }
  // Registry spellings after the brands: where they collide, the registry's own name is the better guess.
  for (const [inn, ...spellings] of REGISTRY_NAMES) {
    for (const spelling of spellings) names.set(normalizeOperatorName(spelling), inn);
  }
  seed = names;
  return names;
}

/**
 * Maps operator names to ИНН for files that carry no ИНН column (the pre-2021 six-column format).
 * Carriers are identified by ИНН everywhere else, so a name must land on the same ИНН as the
 * current registry's rows of that carrier, or routing would treat MTS as two carriers.
 */
export function createOperatorCatalogue({ known = [] }: CreateOperatorCatalogueOptions = {}): OperatorCatalogue {
  // null marks a name that `known` gives to more than one ИНН.
  const fromKnown = new Map<string, string | null>();
  for (const { operator, inn } of known) {
    const key = normalizeOperatorName(operator);
    if (key === '') continue;
    const seen = fromKnown.get(key);
    fromKnown.set(key, seen === undefined || seen === inn ? inn : null);
  }
  const byName = new Map<string, string | null>(seedNames());
  for (const [key, inn] of fromKnown) byName.set(key, inn);

  // A six-column file repeats fewer than a hundred distinct names over thousands of rows.
  const byRawName = new Map<string, string | null>();
  return {
    innFor(name: string): string | null {
      const cached = byRawName.get(name);
      if (cached !== undefined) return cached;
      const inn = byName.get(normalizeOperatorName(name)) ?? null;
      byRawName.set(name, inn);
      return inn;
    },
  };
}
