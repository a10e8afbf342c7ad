import { describe, expect, it } from 'vitest';
import { decodeRegistryBytes } from './decode-registry-bytes';
import { parseRegistry } from './parse-registry';

/** cp1251 for ASCII and А–я, enough for a registry header and row (Ё and friends are not needed). */
function encodeCp1251(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return 0xc0 + code - 0x410;
      throw new Error(`not in the test encoder: ${char}`);
    }),
  );
}

const FILE =
  'АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН\n915;0000000;0000099;100;ПАО ' +
  '"МТС";Москва;Москва;7740000076';

describe('decodeRegistryBytes', () => {
  it('decodes UTF-8 with BOM as UTF-8', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(FILE)]);
    const { text, encoding } = decodeRegistryBytes(bytes);
    expect(encoding).toBe('utf-8');
    expect(parseRegistry(text).ranges[0]?.operator).toBe('ПАО "МТС"');
  });

  it('falls back to windows-1251 for files from old mirrors', () => {
    const { text, encoding } = decodeRegistryBytes(encodeCp1251(FILE));
    expect(encoding).toBe('windows-1251');
    const { ranges, errors } = parseRegistry(text);
    expect(errors).toEqual([]);
    expect(ranges[0]).toMatchObject({ operator: 'ПАО "МТС"', region: 'Москва', inn: '7740000076' });
  });
});
