import { findKnownCarrier } from '../registry';
import { normalizePhoneNumber, type PhoneNumberKind } from '../phone';
import { phoneNumberRejectionMessages } from '../phone';
import type { PortedIndex } from '../ported';
import { resolveCarrier, type CarrierOverride } from './resolve-carrier';
import type { CarrierIndex } from '../registry';
import { log } from '../../log/log';

/** What `lookupCarrier` reads: the store's NumberingData satisfies it; tests pass plain parts. */
export type CarrierData = {
  readonly index: CarrierIndex;
  readonly ported?: { readonly index: PortedIndex } | null;
  /** The asking portal's admin overrides (see resolveCarrier); absent outside a portal. */
  readonly portalOverrides?: ReadonlyMap<string, CarrierOverride>;
  /** The learned overrides every portal shares. */
  readonly overrides?: ReadonlyMap<string, CarrierOverride>;
};

export type CarrierLookup = {
  readonly input: string;
  /** "7" + 10 digits for Russian numbers; the dialled digits for short and foreign ones; null when unusable. */
  readonly e164: string | null;
  readonly kind: PhoneNumberKind | null;
  /** An extension written after the number ("доб. 12", "ext 12", "#12"): not part of the carrier lookup. */
  readonly extension: string | null;
  readonly carrier: { readonly inn: string; readonly brand: string | null; readonly name: string } | null;
  readonly region: string | null;
  readonly source: 'override' | 'ported' | 'registry' | 'unknown';
  /** Who decided an override ('admin' or 'learned' from a lookup service); 'mnp' for ported data. */
  readonly detail: 'admin' | 'learned' | 'mnp' | null;
  /** The registry row the number belongs to, with its holder: for a ported number, where it came from. */
  readonly range: {
    readonly def: string;
    readonly from: string;
    readonly to: string;
    readonly holderInn: string;
    readonly holderName: string;
  } | null;
  /** Why the carrier is unknown, in both languages. */
  readonly reason: { readonly code: string; readonly ru: string; readonly en: string } | null;
};

const reasons = {
  not_mobile: {
    ru: 'Не мобильный номер России: звонок уйдёт по линии по умолчанию.',
    en: 'Not a Russian mobile number: the call takes the default line.',
  },
  landline_not_loaded: {
    ru: 'Городской номер: его диапазона нет в загруженных файлах реестра (ABC) — звонок уйдёт по линии по умолчанию.',
    en: 'A landline number: its range is not in the registry files loaded (ABC) — the call takes the default line.',
  },
  not_in_registry: {
    ru: 'Номер не входит ни в один диапазон реестра.',
    en: 'The number is in no range of the registry.',
  },
  unknown_owner: {
    ru: 'Номер перенесён к оператору, которого нет в справочнике.',
    en: 'The number was ported to an operator the catalogue does not know.',
  },
  lookup_failed: { ru: 'Не удалось определить оператора.', en: 'The carrier could not be determined.' },
} as const;

/**
 * The carrier of any input a person or a CRM may hand over: normalised (+7, 8, 7, spaces, brackets, dashes, 810/00
 * prefixes), then override (the portal's, then learned) > ported > registry. Never throws — the call path must always
 * get an answer, and an unusable input is "unknown" with the reason, which routes by the default trunk.
 */
export function lookupCarrier(number: unknown, data: CarrierData): CarrierLookup {
  const input = inputText(number);
  try {
    const extension = EXTENSION.exec(input);
    const normalized = normalizePhoneNumber(extension ? input.slice(0, extension.index) : number);
    const result = lookupNormalized(input, normalized, data);
    return extension ? { ...result, extension: extension[1]! } : result;
  } catch (error) {
    log.error('numbering lookup failed', { input: input.slice(0, 40), error });
    return unknown(input, null, null, { code: 'lookup_failed', ...reasons.lookup_failed });
  }
}

/** The input as text for the answer; an object whose toString throws is still an answer, not an exception. */
function inputText(number: unknown): string {
  try {
    return typeof number === 'string' ? number : String(number ?? '');
  } catch {
    return '';
  }
}

/** CRM cards write office numbers with an extension; the carrier is the main number's. */
const EXTENSION = /\s*(?:,|;|#|доб\.?|добавочный|вн\.?|ext\.?|x)\s*(\d{1,6})\s*$/i;

function lookupNormalized(
  input: string,
  normalized: ReturnType<typeof normalizePhoneNumber>,
  data: CarrierData,
): CarrierLookup {
  if (!normalized.ok) {
    const text = phoneNumberRejectionMessages[normalized.reason];
    return unknown(input, null, null, { code: normalized.reason, ...text });
  }
  const { e164, kind } = normalized;
  if (kind === 'short' || kind === 'foreign')
    return unknown(input, e164, kind, { code: 'not_mobile', ...reasons.not_mobile });
  const found = resolveCarrier({
    e164,
    index: data.index,
    ported: data.ported?.index ?? null,
    portalOverrides: data.portalOverrides,
    overrides: data.overrides,
  });
  if (!found) {
    const code = kind === 'mobile' ? 'not_in_registry' : 'landline_not_loaded';
    return unknown(input, e164, kind, { code, ...reasons[code] });
  }
  const holder = found.rangeHolder;
  const range = holder && {
    def: holder.range.def,
    from: holder.range.from,
    to: holder.range.to,
    holderInn: holder.inn,
    holderName: holder.operator,
  };
  const region = holder ? regionOf(holder.region, holder.territory) : null;
  if (found.inn === null)
    return { ...unknown(input, e164, kind, { code: 'unknown_owner', ...reasons.unknown_owner }), range, region };
  const override =
    found.source === 'override' ? (data.portalOverrides?.get(e164) ?? data.overrides?.get(e164)) : undefined;
  return {
    input,
    e164,
    kind,
    carrier: { inn: found.inn, brand: findKnownCarrier(found.inn)?.name.ru ?? null, name: found.operator },
    region,
    source: found.source,
    detail: found.source === 'ported' ? 'mnp' : override ? (override.source ?? 'admin') : null,
    range,
    extension: null,
    reason: null,
  };
}

function unknown(
  input: string,
  e164: string | null,
  kind: PhoneNumberKind | null,
  reason: CarrierLookup['reason'],
): CarrierLookup {
  return {
    input,
    e164,
    kind,
    extension: null,
    carrier: null,
    region: null,
    source: 'unknown',
    detail: null,
    range: null,
    reason,
  };
}

/** "-" in Регион (259 rows of the 2026 file) means "see ГАР". */
function regionOf(region: string, territory: string): string | null {
  const value = region && region !== '-' ? region : territory;
  return value || null;
}
