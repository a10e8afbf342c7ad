import { describe, expect, it } from 'vitest';
import { buildCarrierIndex } from '../registry';
import { defaultCarrierGroups, findCarrierByMnpOwnerId, findKnownCarrier, knownCarriers } from '../registry';
import { parseRegistry } from '../registry';
import { createPortedIndexBuilder } from '../ported';
import { resolveCarrier, type CarrierOverride } from './resolve-carrier';

// Real rows from the April 2026 registry.
const registry = parseRegistry(
  [
    'АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН',
    '903;0000000;0199999;200000;ПАО "ВЫМПЕЛКОМ";г. Москва и Московская область;Город Москва, Московская ' +
      'область;7713076301',
    '915;0000000;4999999;5000000;ПАО "Мобильные ТелеСистемы";г. Москва и Московская область;Город Москва, ' +
      'Московская область;7740000076',
    '926;0000000;9999999;10000000;ПАО "МЕГАФОН";г. Москва и Московская область;Город Москва, Московская ' +
      'область;7812014560',
  ].join('\n'),
);
const index = buildCarrierIndex(registry.ranges);
const builder = createPortedIndexBuilder();
builder.add(9151234567, 'mMEGAFON');
builder.add(9152222222, 'mMTS');
builder.add(9153333333, 'mNEWMVNO');
// In a registry gap: ported answers still come with a null range.
builder.add(9071234567, 'mMTS');
const ported = builder.build();
const overrides = new Map<string, CarrierOverride>([
  ['79151234567', { inn: '7743895280', label: 'Т2 (проверено)' }],
  ['79030111111', { inn: '7812014560' }],
  ['79071234567', { inn: '7743895280' }],
]);

describe('resolveCarrier', () => {
  it('prefers an override over a ported record and the registry, and says so', () => {
    const resolved = resolveCarrier({ e164: '79151234567', index, ported, overrides });
    expect(resolved).toMatchObject({
      source: 'override',
      inn: '7743895280',
      operator: 'Т2 (проверено)',
      region: 'г. Москва и Московская область',
      range: { def: '915', from: '0000000', to: '4999999' },
      rangeHolder: { inn: '7740000076' },
      portedTo: { ownerId: 'mMEGAFON' },
    });
  });

  it('names an unlabelled override by the registry spelling of its ИНН', () => {
    expect(resolveCarrier({ e164: '79030111111', index, ported, overrides })).toMatchObject({
      source: 'override',
      inn: '7812014560',
      operator: 'ПАО "МЕГАФОН"',
      rangeHolder: { inn: '7713076301' },
    });
  });

  it('applies an override even in a registry gap, falling back to the brand name', () => {
    expect(resolveCarrier({ e164: '79071234567', index, overrides })).toMatchObject({
      source: 'override',
      inn: '7743895280',
      operator: 'Т2',
      range: null,
      rangeHolder: null,
    });
  });

  it('prefers a ported record over the registry', () => {
    expect(resolveCarrier({ e164: '79151234567', index, ported })).toMatchObject({
      source: 'ported',
      inn: '7812014560',
      operator: 'ПАО "МЕГАФОН"',
      region: 'г. Москва и Московская область',
      rangeHolder: { inn: '7740000076', operator: 'ПАО "Мобильные ТелеСистемы"' },
      portedTo: { ownerId: 'mMEGAFON', inn: '7812014560' },
    });
  });

  it('answers a ported number in a registry gap, without a range', () => {
    expect(resolveCarrier({ e164: '79071234567', index, ported })).toMatchObject({
      source: 'ported',
      inn: '7740000076',
      operator: 'ПАО "Мобильные ТелеСистемы"',
      range: null,
      rangeHolder: null,
    });
  });

  it('reports the ported record under an override, and the override wins', () => {
    expect(resolveCarrier({ e164: '79071234567', index, ported, overrides })).toMatchObject({
      source: 'override',
      inn: '7743895280',
      portedTo: { ownerId: 'mMTS' },
    });
  });

  it('returns the same frozen answer for repeated registry and ported lookups (no allocation per call)', () => {
    const first = resolveCarrier({ e164: '79154999999', index, ported });
    expect(resolveCarrier({ e164: '79154000000', index, ported })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(resolveCarrier({ e164: '79151234567', index, ported })).toBe(
      resolveCarrier({ e164: '79151234567', index, ported }),
    );
  });

  it('keeps answers of different indexes apart', () => {
    const other = buildCarrierIndex(registry.ranges.filter((range) => range.def !== '915'));
    expect(resolveCarrier({ e164: '79154999999', index: other })).toBeNull();
    expect(resolveCarrier({ e164: '79154999999', index })?.inn).toBe('7740000076');
    expect(resolveCarrier({ e164: '79151234567', index: other, ported })).toMatchObject({
      source: 'ported',
      range: null,
    });
  });

  it('ignores a non-canonical number for the registry and ported layers, but still honours an exact override', () => {
    expect(resolveCarrier({ e164: '+79151234567', index, ported })).toBeNull();
    expect(
      resolveCarrier({
        e164: '89151234567',
        index,
        ported,
        overrides: new Map([['89151234567', { inn: '7740000076' }]]),
      }),
    ).toMatchObject({
      source: 'override',
      range: null,
      portedTo: null,
    });
  });

  it('keeps a ported record to an unknown operator, with a null ИНН and the MNP owner id as name', () => {
    expect(resolveCarrier({ e164: '79153333333', index, ported })).toMatchObject({
      source: 'ported',
      inn: null,
      operator: 'mNEWMVNO',
    });
  });

  it('falls back to the registry', () => {
    expect(resolveCarrier({ e164: '79159999999', index, ported, overrides })).toBeNull();
    expect(resolveCarrier({ e164: '79154999999', index, ported, overrides })).toMatchObject({
      source: 'registry',
      inn: '7740000076',
      operator: 'ПАО "Мобильные ТелеСистемы"',
      portedTo: null,
    });
  });

  it('returns null when no layer knows the number', () => {
    expect(resolveCarrier({ e164: '79071111111', index, ported, overrides })).toBeNull();
  });
});

describe('carriers', () => {
  it('lists every ИНН once, each with Russian and English names', () => {
    expect(new Set(knownCarriers.map((carrier) => carrier.inn)).size).toBe(knownCarriers.length);
    for (const carrier of knownCarriers) {
      expect(carrier.inn).toMatch(/^\d{10}$/);
      expect(carrier.name.ru).not.toBe('');
      expect(carrier.name.en).toMatch(/^[\x20-\x7e]+$/);
      if (carrier.hostInn !== null) expect(findKnownCarrier(carrier.hostInn)?.kind).toBe('mno');
    }
  });

  it('suggests the four big groups with their reported MVNOs, all editable', () => {
    const groups = Object.fromEntries(defaultCarrierGroups.map((group) => [group.id, group]));
    expect(Object.keys(groups).sort()).toEqual(['beeline', 'megafon', 'mts', 't2']);
    expect(groups.t2!.memberInns).toEqual(['7743895280', '7743200179', '7736264044', '7707049388']);
    expect(groups.megafon!.memberInns).toEqual(['7812014560', '7701725181']);
    expect(groups.mts!.memberInns).toEqual(['7740000076']);
    expect(groups.beeline!.memberInns).toEqual(['7713076301']);
    expect(defaultCarrierGroups.every((group) => group.editable)).toBe(true);
  });

  it('finds carriers by MNP owner id, case-insensitively', () => {
    expect(findCarrierByMnpOwnerId('mTELE2')?.inn).toBe('7743895280');
    expect(findCarrierByMnpOwnerId('MMTS')?.name.en).toBe('MTS');
    expect(findCarrierByMnpOwnerId('mUNKNOWN')).toBeNull();
  });

  it(
    'covers every ИНН with at least 0.1% of the bundled registry capacity, ' + 'so routing groups can name them',
    async () => {
      const { loadRegistryFile, bundledRegistryPath } = await import('../store');
      const { registry: bundled } = await loadRegistryFile(
        bundledRegistryPath(new URL('../../..', import.meta.url).pathname),
      );
      const capacityByInn = new Map<string, number>();
      for (const range of bundled.ranges) {
        capacityByInn.set(range.inn, (capacityByInn.get(range.inn) ?? 0) + Number(range.to) - Number(range.from) + 1);
      }
      const total = bundled.stats.totalCapacity;
      const missing = [...capacityByInn].filter(
        ([inn, capacity]) => capacity / total >= 0.001 && !findKnownCarrier(inn),
      );
      // Small operators above 0.1% that the reference does not describe: deliberately left to the admin.
      expect(missing.map(([inn]) => inn).sort()).toEqual(
        ['2310240077', '7710016640', '7715650666', '7718999159', '9102282270', '9710027740'].sort(),
      );
    },
  );
});
