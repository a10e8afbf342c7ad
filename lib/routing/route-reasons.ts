import type { Lang } from '../i18n/lang';
import type { CarrierSource } from './types';

/**
 * Why a route was chosen, as data. The decision builds these on the hot path (cheap objects); text is rendered only
 * when a person reads it: the route tester, the call card, the journal, the CLI.
 */
export type CapName = 'callsPerDay' | 'minutesPerDay' | 'minutesPerMonth' | 'minGapSeconds';
export type RouteVia = 'manual' | 'carrier' | 'profileDefault' | 'globalDefault' | 'otherAllowed';

export type RouteReason =
  | { code: 'profile'; profile: string }
  | { code: 'noProfile' }
  | { code: 'numberKind'; kind: 'geographic' | 'tollfree' | 'short' | 'foreign' }
  | { code: 'carrier'; group: string; source: CarrierSource; operator?: string; def?: string }
  | { code: 'carrierOutsideGroups'; inn: string; operator?: string }
  | { code: 'carrierUnknown' }
  | { code: 'manualUnknown'; line: string }
  | { code: 'manualNotAllowed'; trunk: string; profile: string }
  | { code: 'manualDisabled'; trunk: string }
  | { code: 'noCarrierTrunk'; group: string }
  | { code: 'busy'; trunk: string; busy: number; channels: number }
  | { code: 'overCap'; trunk: string; cap: CapName }
  | { code: 'simsDisabled'; trunk: string; disabled: number }
  | { code: 'disabled'; trunk: string }
  | { code: 'unreachable'; trunk: string }
  | { code: 'chosen'; trunk: string; via: RouteVia }
  | { code: 'nothingAvailable' }
  | { code: 'noLines' }
  | { code: 'noAllowedLines'; profile: string };

const sourceText: Record<Lang, Record<CarrierSource, string>> = {
  ru: { registry: 'по реестру', ported: 'по базе перенесённых номеров', override: 'по ручной настройке' },
  en: { registry: 'by the registry', ported: 'by the ported-numbers base', override: 'by a manual override' },
};
const capText: Record<Lang, Record<CapName, string>> = {
  ru: {
    callsPerDay: 'звонков в день',
    minutesPerDay: 'минут в день',
    minutesPerMonth: 'минут в месяц',
    minGapSeconds: 'паузы между звонками',
  },
  en: {
    callsPerDay: 'calls per day',
    minutesPerDay: 'minutes per day',
    minutesPerMonth: 'minutes per month',
    minGapSeconds: 'gap between calls',
  },
};
const viaText: Record<Lang, Record<RouteVia, string>> = {
  ru: {
    manual: 'выбрано менеджером',
    carrier: 'линия оператора клиента',
    profileDefault: 'линия отдела по умолчанию',
    globalDefault: 'линия по умолчанию',
    otherAllowed: 'другая доступная линия',
  },
  en: {
    manual: 'picked by the manager',
    carrier: "the client's carrier line",
    profileDefault: "the department's default line",
    globalDefault: 'the default line',
    otherAllowed: 'another allowed line',
  },
};
const kindText: Record<Lang, Record<'geographic' | 'tollfree' | 'short' | 'foreign', string>> = {
  ru: { geographic: 'городской номер', tollfree: 'номер 8-800', short: 'короткий номер', foreign: 'зарубежный номер' },
  en: { geographic: 'landline number', tollfree: '8-800 number', short: 'short number', foreign: 'foreign number' },
};

export function renderReason(reason: RouteReason, lang: Lang): string {
  const ru = lang === 'ru';
  switch (reason.code) {
    case 'profile':
      return ru ? `отдел: ${reason.profile}` : `department: ${reason.profile}`;
    case 'noProfile':
      return ru ? 'отдел не настроен — общие правила' : 'no department profile — general rules';
    case 'numberKind':
      return ru
        ? `${kindText.ru[reason.kind]} — оператор не определяется`
        : `${kindText.en[reason.kind]} — no mobile carrier`;
    case 'carrier': {
      const range = reason.def ? (ru ? ` (диапазон ${reason.def}…)` : ` (range ${reason.def}…)`) : '';
      return `${reason.group} ${sourceText[lang][reason.source]}${range}`;
    }
    case 'carrierOutsideGroups':
      return ru
        ? `${reason.operator ?? 'оператор'} (ИНН ${reason.inn}) не входит в группы операторов`
        : `${reason.operator ?? 'carrier'} (INN ${reason.inn}) is in no carrier group`;
    case 'carrierUnknown':
      return ru ? 'оператор не найден в реестре' : 'carrier not found in the registry';
    case 'manualUnknown':
      return ru ? `линия «${reason.line}» не найдена` : `line "${reason.line}" not found`;
    case 'manualNotAllowed':
      return ru
        ? `линия ${reason.trunk} недоступна отделу «${reason.profile}»`
        : `line ${reason.trunk} is not allowed for "${reason.profile}"`;
    case 'manualDisabled':
      return ru ? `линия ${reason.trunk} выключена` : `line ${reason.trunk} is disabled`;
    case 'noCarrierTrunk':
      return ru ? `у отдела нет линии ${reason.group}` : `the department has no ${reason.group} line`;
    case 'busy':
      return ru
        ? `${reason.trunk} занят ${reason.busy}/${reason.channels}`
        : `${reason.trunk} busy ${reason.busy}/${reason.channels}`;
    case 'overCap':
      return ru
        ? `${reason.trunk}: SIM-карты исчерпали лимит ${capText.ru[reason.cap]}`
        : `${reason.trunk}: SIMs reached the limit of ${capText.en[reason.cap]}`;
    case 'simsDisabled':
      return ru
        ? `${reason.trunk}: свободные SIM-карты выведены из работы (${reason.disabled}), включите их на странице «Линии»`
        : `${reason.trunk}: the free SIMs are out of rotation (${reason.disabled}); enable them on the Lines page`;
    case 'disabled':
      return ru ? `${reason.trunk} выключен` : `${reason.trunk} disabled`;
    case 'unreachable':
      return ru ? `${reason.trunk}: шлюз недоступен` : `${reason.trunk}: gateway unreachable`;
    case 'chosen':
      return `→ ${reason.trunk} (${viaText[lang][reason.via]})`;
    case 'nothingAvailable':
      return ru ? 'нет свободной линии: все заняты или на лимите' : 'no line available: all busy or at their limits';
    case 'noLines':
      return ru
        ? 'ни одна линия не настроена: добавьте линию на странице «Линии»'
        : 'no line is set up yet: add one on the Lines page';
    case 'noAllowedLines':
      return ru
        ? `отделу «${reason.profile}» не разрешена ни одна линия`
        : `no line is allowed for "${reason.profile}"`;
  }
}

/** One line for people: "МТС по реестру (диапазон 915…); МТС-1 занят 4/4; → МТС-2 (линия оператора клиента)". */
export function renderReasons(reasons: readonly RouteReason[], lang: Lang): string {
  return reasons.map((reason) => renderReason(reason, lang)).join('; ');
}
