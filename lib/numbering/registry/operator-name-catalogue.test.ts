import { describe, expect, it } from 'vitest';
import { knownCarriers } from './carriers';
import { createOperatorCatalogue, normalizeOperatorName } from './operator-name-catalogue';

describe('normalizeOperatorName', () => {
  it.each([
    ['ООО "Т2 МОБАЙЛ"', 'т2 мобайл'],
    ['Общество с ограниченной ответственностью «Т2 Мобайл»', 'т2 мобайл'],
    ["ООО 'Т2-Мобайл'", 'т2 мобайл'],
    ['ПАО "МТС"', 'мтс'],
    ['Публичное акционерное общество „Мобильные ТелеСистемы“', 'мобильные телесистемы'],
    ['ОАО "МТТ"', 'мтт'],
    ['ЗАО  "ДЖИ  ТИ ЭН ТИ"', 'джи ти эн ти'],
    ['Акционерное общество "Крымтелеком"', 'крымтелеком'],
    ['ФГУП «ГРЧЦ»', 'грчц'],
    ['ГУП ДНР "РОС"', 'днр рос'],
    ['МУП "Связь"', 'связь'],
    ['НАО "Оператор"', 'оператор'],
    ['ИП Ёжиков', 'ежиков'],
    ['ООО "ЁЛКА-ТЕЛЕКОМ"', 'елка телеком'],
    ['  ПАО  МГТС  ', 'мгтс'],
    ['АО "ГАЗПРОМ ТЕЛЕКОМ"', 'газпром телеком'],
    ['ООО "ЭН+ ТЕЛЕКОМ"', 'эн телеком'],
  ])('%j → %j', (name, normalized) => {
    expect(normalizeOperatorName(name)).toBe(normalized);
  });

  it('removes legal forms only as whole words', () => {
    expect(normalizeOperatorName('ООО "Ао-Пао Связь"')).toBe('связь');
    expect(normalizeOperatorName('ООО "Таос"')).toBe('таос');
    expect(normalizeOperatorName('ООО "ИПТВ"')).toBe('иптв');
  });

  it('keeps a name that is nothing but a legal form', () => {
    expect(normalizeOperatorName('ООО')).toBe('ооо');
  });
});

describe('createOperatorCatalogue', () => {
  const catalogue = createOperatorCatalogue();

  it.each([
    ['ПАО "Вымпел-Коммуникации"', '7713076301'],
    ['ПАО "ВЫМПЕЛКОМ"', '7713076301'],
    ['ООО "Тинькофф Мобайл"', '7743200179'],
    ['ООО "Т-МОБ"', '7743200179'],
    ['ПАО "Мобильные ТелеСистемы"', '7740000076'],
    ['ПАО "МТС"', '7740000076'],
    ['ООО "Т2 Мобайл"', '7743895280'],
    ['ООО "Т2 МОБАЙЛ"', '7743895280'],
    ['ООО "Скартел"', '7701725181'],
    ['ООО "СКАРТЕЛ"', '7701725181'],
    ['ООО "ЕКАТЕРИНБУРГ-2000"', '6661079603'],
    ['ООО "Сбербанк-Телеком"', '7736264044'],
    ['ПАО "МегаФон"', '7812014560'],
    ['ОАО "МТТ"', '7705017253'],
    ['ООО "Газпром телеком"', '7740000020'],
    [
      'ГОСУДАРСТВЕННОЕ УНИТАРНОЕ ПРЕДПРИЯТИЕ ДОНЕЦКОЙ НАРОДНОЙ РЕСПУБЛИКИ «РЕСПУБЛИКАНСКИЙ ОПЕРАТОР СВЯЗИ»',
      '9308013351',
    ],
    ['ГУП ДНР "РОС"', '9308013351'],
    ['Билайн', '7713076301'],
    ['Yota', '7701725181'],
  ])('knows %j as %s without a registry', (name, inn) => {
    expect(catalogue.innFor(name)).toBe(inn);
  });

  it('knows every brand in carriers.ts', () => {
    for (const carrier of knownCarriers) expect(catalogue.innFor(carrier.name.ru)).toBe(carrier.inn);
  });

  it('returns null for a name it has never seen', () => {
    expect(catalogue.innFor('ООО "Лайкамобайл"')).toBeNull();
  });

  it('learns names from the registry in use, which win over the built-in seed', () => {
    const learned = createOperatorCatalogue({
      known: [
        { operator: 'ООО "ЛАЙКАМОБАЙЛ"', inn: '7706000001' },
        { operator: 'ПАО "ВЫМПЕЛКОМ"', inn: '7713076301' },
        // Not real: a registry giving the brand name "Yota" to another ИНН overrides the seed.
        { operator: 'Yota', inn: '7706000002' },
      ],
    });
    expect(learned.innFor('ООО "Лайкамобайл"')).toBe('7706000001');
    expect(learned.innFor('Вымпел-Коммуникации')).toBe('7713076301');
    expect(learned.innFor('ООО «Yota»')).toBe('7706000002');
  });

  it('refuses to guess when the registry gives one name to several ИНН', () => {
    const learned = createOperatorCatalogue({
      known: [
        { operator: 'ООО "Связь"', inn: '7706000001' },
        { operator: 'АО "СВЯЗЬ"', inn: '7706000002' },
        { operator: 'ООО "Связь"', inn: '7706000001' },
      ],
    });
    expect(learned.innFor('Связь')).toBeNull();
  });
});
