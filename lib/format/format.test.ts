import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/lang';
import { formatBytes } from './format-bytes';
import { formatCount } from './format-count';
import { formatDateTime } from './format-date-time';
import { formatDuration } from './format-duration';
import { formatElapsed } from './format-elapsed';
import { formatMoney } from './format-money';
import { formatPercent } from './format-percent';
import { formatPhone } from './format-phone';

/** Intl separates groups and units with no-break spaces: compared as plain spaces here. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatPhone', () => {
  it.each<[string | null, string]>([
    ['79151234567', '+7 915 123-45-67'],
    ['+7 (915) 123-45-67', '+7 915 123-45-67'],
    ['89151234567', '+7 915 123-45-67'],
    ['78001234567', '+7 800 123-45-67'],
    ['4930123456789', '+4930123456789'],
    ['101', '101'],
    ['', '—'],
    [null, '—'],
  ])('%s → %s', (value, expected) => expect(formatPhone(value)).toBe(expected));
});

describe('formatMoney', () => {
  it.each<[number | null, Lang, boolean, string]>([
    [60, 'ru', false, '0,60 ₽'],
    [60, 'en', false, '₽0.60'],
    [123456, 'ru', false, '1 234,56 ₽'],
    [123456, 'en', false, '₽1,234.56'],
    [123456, 'ru', true, '1 235 ₽'],
    [123456, 'en', true, '₽1,235'],
    [0, 'ru', false, '0,00 ₽'],
    [null, 'ru', false, '—'],
  ])('%s kopecks in %s (whole: %s) → %s', (kopecks, lang, whole, expected) =>
    expect(plain(formatMoney({ kopecks, lang, whole }))).toBe(expected),
  );
});

describe('formatDuration', () => {
  it.each<[number | null, string]>([
    [0, '0:00'],
    [5, '0:05'],
    [65, '1:05'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [null, '—'],
    [-1, '—'],
  ])('%s s → %s', (seconds, expected) => expect(formatDuration(seconds)).toBe(expected));
});

describe('formatDateTime', () => {
  const at = '2026-12-01T07:09:05Z';
  it.each<[Lang, boolean, string]>([
    ['ru', false, '01.12.2026, 07:09'],
    ['en', false, '1 Dec 2026, 07:09'],
    ['ru', true, '01.12.2026'],
    ['en', true, '1 Dec 2026'],
  ])('%s (date only: %s) → %s', (lang, dateOnly, expected) =>
    expect(formatDateTime({ value: at, lang, dateOnly, timeZone: 'UTC' })).toBe(expected),
  );

  it('shows the reader zone, and "—" for nothing or garbage', () => {
    expect(formatDateTime({ value: at, lang: 'ru', timeZone: 'Europe/Moscow' })).toBe('01.12.2026, 10:09');
    expect(formatDateTime({ value: Date.parse(at), lang: 'ru', timeZone: 'UTC' })).toBe('01.12.2026, 07:09');
    expect(formatDateTime({ value: null, lang: 'ru' })).toBe('—');
    expect(formatDateTime({ value: 'not a date', lang: 'en' })).toBe('—');
  });
});

describe('numbers', () => {
  it.each<[string, () => string, string]>([
    ['a count in Russian', () => formatCount({ value: 1234567, lang: 'ru' }), '1 234 567'],
    ['a count in English', () => formatCount({ value: 1234567, lang: 'en' }), '1,234,567'],
    ['a ratio in Russian', () => formatCount({ value: 1.46, lang: 'ru', fractionDigits: 1 }), '1,5'],
    ['no count', () => formatCount({ value: null, lang: 'en' }), '—'],
    ['a share in Russian', () => formatPercent({ share: 0.12, lang: 'ru' }), '12 %'],
    ['a share in English', () => formatPercent({ share: 0.125, lang: 'en', fractionDigits: 1 }), '12.5%'],
    ['no share', () => formatPercent({ share: null, lang: 'ru' }), '—'],
    ['bytes in Russian', () => formatBytes(1536 * 1024, 'ru'), '1,5 МБ'],
    ['bytes in English', () => formatBytes(512, 'en'), '512 B'],
    ['a short job in Russian', () => formatElapsed(420, 'ru'), '0,4 с'],
    ['a long job in English', () => formatElapsed(125_000, 'en'), '2 min 05 s'],
  ])('%s', (_name, format, expected) => expect(plain(format())).toBe(expected));
});
