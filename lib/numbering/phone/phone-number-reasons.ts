/**
 * Why a string is not a callable phone number. Codes are stable (stored, logged, tested); the text
 * lives in one table so the UI can pick a language without the parser knowing about locales.
 */
export type PhoneNumberRejection =
  | 'empty'
  | 'invalid_characters'
  | 'too_short'
  | 'too_long'
  | 'missing_international_prefix'
  | 'invalid_country_code'
  | 'unknown_russian_code';

export const phoneNumberRejectionMessages: Readonly<
  Record<PhoneNumberRejection, { readonly ru: string; readonly en: string }>
> = {
  empty: { ru: 'Номер не указан.', en: 'The number is empty.' },
  invalid_characters: {
    ru: 'Номер может содержать только цифры, пробелы, скобки, дефисы и «+» в начале.',
    en: 'A number may contain only digits, spaces, brackets, hyphens and a leading "+".',
  },
  too_short: { ru: 'В номере слишком мало цифр.', en: 'The number has too few digits.' },
  too_long: { ru: 'В номере слишком много цифр.', en: 'The number has too many digits.' },
  missing_international_prefix: {
    ru: 'Похоже на зарубежный номер: укажите его с «+» и кодом страны.',
    en: 'This looks like a foreign number: write it with "+" and the country code.',
  },
  invalid_country_code: {
    ru: 'Код страны не может начинаться с 0.',
    en: 'A country code cannot start with 0.',
  },
  unknown_russian_code: {
    ru: 'В России нет кодов, начинающихся с этой цифры (используются 3xx, 4xx, 8xx и 9xx).',
    en: 'No Russian area or mobile code starts with this digit (3xx, 4xx, 8xx and 9xx are used).',
  },
};
