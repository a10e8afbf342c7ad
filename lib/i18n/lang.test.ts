import { describe, expect, it } from 'vitest';
import { pickLang } from './lang';
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
