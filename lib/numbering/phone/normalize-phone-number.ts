import type { PhoneNumberRejection } from './phone-number-reasons';

/**
 * - mobile: Russian DEF 9xx;
 * - geographic: Russian ABC 3xx/4xx/8xx except 800 (801–809 are non-geographic services in the
 *   ABC-8xx file, but nothing in the product prices them differently yet, so they stay here);
 * - tollfree: 8-800;
 * - short: 3–4 digit service numbers (112, 0611, 0890…), returned as dialled, not E.164;
 * - foreign: any other country, including Kazakhstan, which shares +7 (codes 6xx/7xx).
 */
export type PhoneNumberKind = 'mobile' | 'geographic' | 'tollfree' | 'short' | 'foreign';

export type NormalizedPhoneNumber =
  | { readonly ok: true; readonly e164: string; readonly kind: PhoneNumberKind }
  | { readonly ok: false; readonly reason: PhoneNumberRejection };

/** Separators people and CRMs put into numbers; anything else (letters, "доб.", a second "+") is refused. */
const ALLOWED_AFTER_PLUS = /^[\d\s()\-\u2010-\u2015./]*$/;
const NON_DIGITS = /\D/g;
/** E.164 caps a number at 15 digits; the shortest real international numbers have 7. */
const MAX_E164_DIGITS = 15;
const MIN_FOREIGN_DIGITS = 7;
const RUSSIAN_DIGITS = 11;

/**
 * Turns what a person or a CRM typed into E.164 digits without "+" (the form Asterisk dials and the
 * registry is keyed by), or says why it cannot. Pure and allocation-light: it runs for every call.
 */
export function normalizePhoneNumber(input: unknown): NormalizedPhoneNumber {
  if (typeof input !== 'string' && typeof input !== 'number') return reject('empty');
  let text = String(input).trim();
  // Bitrix24 and browsers hand over tel: links as they are.
  if (/^tel:/i.test(text)) text = text.slice(4).trim();
  if (text === '') return reject('empty');

  const hasPlus = text.startsWith('+');
  const rest = hasPlus ? text.slice(1) : text;
  // Fast path: Asterisk and Bitrix24 mostly send bare digits; two regex passes cost more than the carrier lookup.
  const digits = isAllDigits(rest) ? rest : ALLOWED_AFTER_PLUS.test(rest) ? rest.replace(NON_DIGITS, '') : null;
  if (digits === null) return reject('invalid_characters');
  if (digits === '') return reject(hasPlus ? 'too_short' : 'empty');

  if (hasPlus) return classifyInternational(digits);
  if (digits.startsWith('00')) return classifyInternational(digits.slice(2));
  // "8 10 <country>…" is the old Russian international access code; no Russian code starts with 1,
  // so a longer-than-national number behind 810 cannot be a domestic one.
  if (digits.startsWith('810') && digits.length > RUSSIAN_DIGITS) return classifyInternational(digits.slice(3));
  return classifyDomestic(digits);
}

function isAllDigits(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function classifyDomestic(digits: string): NormalizedPhoneNumber {
  if (digits.length < 3) return reject('too_short');
  if (digits.length <= 4) return { ok: true, e164: digits, kind: 'short' };
  if (digits.length < 10) return reject('too_short');
  // 10 digits: the national significant number as written without the trunk prefix (915 123-45-67).
  if (digits.length === 10) return classifyRussian(`7${digits}`);
  const first = digits[0];
  if (digits.length === RUSSIAN_DIGITS && (first === '7' || first === '8')) {
    return classifyRussian(`7${digits.slice(1)}`);
  }
  if (first === '7' || first === '8' || digits.length > MAX_E164_DIGITS) return reject('too_long');
  // 11–15 digits that cannot be Russian: probably foreign, but guessing the country would misdial.
  return reject('missing_international_prefix');
}

function classifyInternational(digits: string): NormalizedPhoneNumber {
  if (digits.startsWith('7')) {
    if (digits.length < RUSSIAN_DIGITS) return reject('too_short');
    if (digits.length > RUSSIAN_DIGITS) return reject('too_long');
    return classifyRussian(digits);
  }
  if (digits.startsWith('0')) return reject('invalid_country_code');
  if (digits.length < MIN_FOREIGN_DIGITS) return reject('too_short');
  if (digits.length > MAX_E164_DIGITS) return reject('too_long');
  return { ok: true, e164: digits, kind: 'foreign' };
}

/** `e164` is 11 digits starting with 7. */
function classifyRussian(e164: string): NormalizedPhoneNumber {
  switch (e164[1]) {
    case '9':
      return { ok: true, e164, kind: 'mobile' };
    case '3':
    case '4':
      return { ok: true, e164, kind: 'geographic' };
    case '8':
      return { ok: true, e164, kind: e164.startsWith('7800') ? 'tollfree' : 'geographic' };
    case '6':
    case '7':
      return { ok: true, e164, kind: 'foreign' };
    default:
      return reject('unknown_russian_code');
  }
}

function reject(reason: PhoneNumberRejection): NormalizedPhoneNumber {
  return { ok: false, reason };
}
