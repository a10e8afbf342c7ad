/** The app speaks Russian first and English too; Bitrix24 passes its interface language as `LANG`. */
export type Lang = 'ru' | 'en';

const russianLike = new Set(['ru', 'ua', 'by', 'kz']);

/** Bitrix24 language ids (ru, en, de, ua, kz, …) → the closest language we speak. Unknown or missing → Russian. */
export function pickLang(value: string | null | undefined): Lang {
  const code = (value ?? '').trim().toLowerCase().slice(0, 2);
  if (!code || russianLike.has(code)) return 'ru';
  return 'en';
}

/**
 * The reader's language for a GET request: `?lang=` (Bitrix24's LANG, passed on by our pages), else Accept-Language.
 */
export function requestLang(request: Request): Lang {
  return pickLang(new URL(request.url).searchParams.get('lang') ?? request.headers.get('accept-language'));
}
