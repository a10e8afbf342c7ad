import { beforeAll, describe, expect, it } from 'vitest';
import type { CarrierIndex } from '../registry';
import { lookupCarrier } from './carrier-lookup';
import { getBundledRegistryIndex } from '../store';
import { createPortedIndexBuilder, type PortedIndex } from '../ported';
import type { CarrierOverride } from './resolve-carrier';

const MTS = '7740000076';
const BEELINE = '7713076301';
const MEGAFON = '7812014560';
let index: CarrierIndex;
let ported: PortedIndex;
const overrides = new Map<string, CarrierOverride>([
  ['79150000003', { inn: MEGAFON, source: 'admin' }],
  ['79150000004', { inn: BEELINE, source: 'learned' }],
]);

beforeAll(async () => {
  index = await getBundledRegistryIndex();
  const builder = createPortedIndexBuilder();
  builder.add(9150000002, 'mBEELINE');
  builder.add(9150000003, 'mBEELINE');
  builder.add(9150000005, 'mSOMETHING');
  ported = builder.build();
});
const look = (input: unknown) => lookupCarrier(input, { index, ported: { index: ported }, overrides });

describe('lookupCarrier', () => {
  it.each([
    ['+7 (915) 000-00-01', '79150000001'],
    ['8 915 000 00 01', '79150000001'],
    ['7-915-000-00-01', '79150000001'],
    ['9150000001', '79150000001'],
    ['00 7 915 000 00 01', '79150000001'],
    ['8 10 7 915 000 00 01', '79150000001'],
    ['tel:+79150000001', '79150000001'],
    [79150000001, '79150000001'],
  ])('normalises %j to %s and finds the range holder', (input, e164) => {
    expect(look(input)).toMatchObject({
      e164,
      kind: 'mobile',
      source: 'registry',
      carrier: { inn: MTS, brand: 'МТС' },
      range: { def: '915', holderInn: MTS },
    });
  });

  it.each([
    ['8 (915) 000-00-01 доб. 123', '123'],
    ['+79150000001 ext 7', '7'],
    ['+79150000001#45', '45'],
  ])('keeps the extension of %j apart', (input, extension) => {
    expect(look(input)).toMatchObject({ e164: '79150000001', extension, carrier: { inn: MTS } });
  });

  it('override > ported > registry, saying who decided', () => {
    expect(look('79150000002')).toMatchObject({
      source: 'ported',
      detail: 'mnp',
      carrier: { inn: BEELINE, brand: 'Билайн' },
      range: { holderInn: MTS },
    });
    expect(look('79150000003')).toMatchObject({ source: 'override', detail: 'admin', carrier: { inn: MEGAFON } });
    expect(look('79150000004')).toMatchObject({ source: 'override', detail: 'learned', carrier: { inn: BEELINE } });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'invalid_characters'],
    ['12', 'too_short'],
    ['+7 915 000 00 01 99', 'too_long'],
    ['112', 'not_mobile'],
    ['+44 20 7946 0958', 'not_mobile'],
    ['+7 700 123 45 67', 'not_mobile'],
    ['8 495 123 45 67', 'landline_not_loaded'],
    ['79150000005', 'unknown_owner'],
    [null, 'empty'],
    [
      {
        toString: () => {
          throw new Error('hostile');
        },
      },
      'empty',
    ],
  ])('answers %j with unknown and the reason %s, never an exception', (input, code) => {
    const originalError = console.error;
    console.error = () => {};
    try {
      const result = look(input);
      expect(result).toMatchObject({ source: 'unknown', carrier: null, reason: { code } });
      expect(result.reason!.ru).toBeTruthy();
      expect(result.reason!.en).toBeTruthy();
    } finally {
      console.error = originalError;
    }
  });
});
