import { describe, expect, it } from 'vitest';
import { pickLang, requestLang } from './lang';
import { translate } from './messages';

describe('pickLang', () => {
  it.each([
    ['ru', 'ru'],
    ['RU', 'ru'],
    ['ua', 'ru'],
    ['kz', 'ru'],
    ['en', 'en'],
    ['de', 'en'],
    ['en-US', 'en'],
    ['', 'ru'],
    [null, 'ru'],
    [undefined, 'ru'],
  ])('%s → %s', (input, expected) => {
    expect(pickLang(input)).toBe(expected);
  });
});

describe('translate', () => {
  it('gives Russian and English for the same key', () => {
    expect(translate('ru', 'nav.overview')).toBe('Обзор');
    expect(translate('en', 'nav.overview')).toBe('Overview');
  });
});

describe('requestLang', () => {
  const request = (query: string, acceptLanguage?: string) =>
    new Request(`http://app.test/api/journal${query}`, {
      headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
    });
  it.each([
    ['?lang=en', 'ru-RU,ru;q=0.9', 'en'],
    ['?lang=ru', 'en-US', 'ru'],
    ['', 'en-US,en;q=0.8', 'en'],
    ['', undefined, 'ru'],
  ])('query %j, Accept-Language %j → %s', (query, acceptLanguage, expected) => {
    expect(requestLang(request(query, acceptLanguage))).toBe(expected);
  });
});
