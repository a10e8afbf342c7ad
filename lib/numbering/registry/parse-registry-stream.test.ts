import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { parseRegistry } from './parse-registry';
import { parseRegistryStream, type RegistryParseProgress } from './parse-registry-stream';

const BUNDLED = path.resolve(import.meta.dirname, '../../../data/registry/DEF-9xx.csv');
const REAL = readFileSync(BUNDLED);
const REAL_TEXT = new TextDecoder().decode(REAL);
const HEADER = 'АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН';
const BOM = [0xef, 0xbb, 0xbf];

/** cp1251 for ASCII, А–я, Ё and ё: all that a registry header and its rows (bar «») need. */
function encodeCp1251(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return 0xc0 + code - 0x410;
      if (code === 0x401) return 0xa8;
      if (code === 0x451) return 0xb8;
      throw new Error(`not in the test encoder: ${char}`);
    }),
  );
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

/** How many chunk boundaries fall between the bytes of one UTF-8 character. */
function boundariesInsideCharacters(bytes: Uint8Array, size: number): number {
  let inside = 0;
  for (let offset = size; offset < bytes.length; offset += size) if ((bytes[offset]! & 0xc0) === 0x80) inside += 1;
  return inside;
}

/** The first `count` lines of the bundled file, with its BOM. */
function realSlice(count: number): { bytes: Uint8Array; text: string } {
  const text = REAL_TEXT.split('\n').slice(0, count).join('\n');
  return { bytes: new Uint8Array([...BOM, ...utf8(text)]), text };
}

describe('parseRegistryStream on the bundled DEF-9xx.csv', () => {
  it('gives exactly what parseRegistry gives, in 64 KiB chunks, with the size of the bytes', async () => {
    expect(boundariesInsideCharacters(REAL, 65_536)).toBeGreaterThan(0);
    const whole = parseRegistry(REAL_TEXT, { fileName: 'DEF-9xx.csv' });
    const { encoding, bytes, ...streamed } = await parseRegistryStream(inChunks(REAL, 65_536), {
      fileName: 'DEF-9xx.csv',
      totalBytes: REAL.length,
    });
    expect(streamed).toEqual(whole);
    expect(whole.errors).toEqual([]);
    expect(whole.format).toBe('current');
    expect(whole.stats).toMatchObject({ lines: 16_630, acceptedRows: 16_629, distinctInns: 73 });
    expect({ encoding, bytes }).toEqual({
      encoding: 'utf-8',
      bytes: 3_126_609,
    });
  });

  it.each([1_000, 7])('gives the same result for a 400-line slice fed %i bytes at a time', async (size) => {
    const { bytes, text } = realSlice(400);
    expect(boundariesInsideCharacters(bytes, size)).toBeGreaterThan(0);
    const { encoding, bytes: read, ...streamed } = await parseRegistryStream(inChunks(bytes, size));
    expect(streamed).toEqual(parseRegistry(text));
    expect(streamed.ranges).toHaveLength(399);
    expect(encoding).toBe('utf-8');
    expect(read).toBe(bytes.length);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('splits %s line breaks cut between chunks like the whole text', async (_name, lineBreak) => {
    const text = `${realSlice(50).text.split('\n').join(lineBreak)}${lineBreak}`;
    const bytes = utf8(text);
    const { encoding, bytes: read, ...streamed } = await parseRegistryStream(inChunks(bytes, 1));
    expect(streamed).toEqual(parseRegistry(text));
    expect(streamed.stats).toMatchObject({ lines: 50, acceptedRows: 49 });
    expect(streamed.errors).toEqual([]);
  });

  it('reports progress at most every 64 KiB, monotonically, ending at totalBytes with every row', async () => {
    const seen: RegistryParseProgress[] = [];
    const parsed = await parseRegistryStream(inChunks(REAL, 10_000), {
      totalBytes: REAL.length,
      onProgress: (progress) => seen.push(progress),
    });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(REAL.length / 65_536) + 1);
    for (let i = 1; i < seen.length; i += 1) {
      expect(seen[i]!.bytesRead).toBeGreaterThan(seen[i - 1]!.bytesRead);
      expect(seen[i]!.rows).toBeGreaterThanOrEqual(seen[i - 1]!.rows);
      if (i < seen.length - 1) expect(seen[i]!.bytesRead - seen[i - 1]!.bytesRead).toBeGreaterThanOrEqual(65_536);
    }
    expect(seen.at(-1)).toEqual({ bytesRead: REAL.length, totalBytes: REAL.length, rows: 16_629 });
    expect(parsed.errors).toEqual([]);
  });
});

describe('parseRegistryStream on damaged or unusual files', () => {
  it('reads a windows-1251 file, Ё and ё included, deciding from bytes split into small chunks', async () => {
    const text = [
      HEADER,
      '915;0000000;0000099;100;ПАО "МТС";Московская обл.;Королёв;7740000076',
      '916;0000000;0000009;10;ООО "Ёлка";Орёл;Орёл;1234567890',
    ].join('\r\n');
    const bytes = encodeCp1251(text);
    expect(bytes).toContain(0xa8);
    expect(bytes).toContain(0xb8);
    const parsed = await parseRegistryStream(inChunks(bytes, 5));
    expect(parsed.encoding).toBe('windows-1251');
    expect(parsed.errors).toEqual([]);
    expect(parsed.ranges.map((range) => [range.operator, range.territory, range.inn])).toEqual([
      ['ПАО "МТС"', 'Королёв', '7740000076'],
      ['ООО "Ёлка"', 'Орёл', '1234567890'],
    ]);
  });

  it('decides windows-1251 from the first 4 KiB of a longer file and parses it like the UTF-8 original', async () => {
    const { text } = realSlice(400);
    const bytes = encodeCp1251(text);
    expect(bytes.length).toBeGreaterThan(4096);
    const { encoding, bytes: read, ...streamed } = await parseRegistryStream(inChunks(bytes, 1_000));
    expect(encoding).toBe('windows-1251');
    expect(streamed).toEqual(parseRegistry(text));
  });

  it('reports a last line cut off mid-row as a truncated file, keeping the rows before it', async () => {
    const { bytes: slice } = realSlice(6);
    const cut = slice.subarray(0, slice.length - 30);
    const parsed = await parseRegistryStream(inChunks(cut, 7), { totalBytes: slice.length });
    expect(parsed.ranges).toHaveLength(4);
    expect(parsed.errors.map((issue) => [issue.line, issue.severity, issue.code])).toEqual([
      [6, 'error', 'truncated_file'],
      [6, 'warning', 'size_mismatch'],
    ]);
    expect(parsed.errors[0]!.message).toBe(
      'The file ends in the middle of line 6; it was probably cut off during download.',
    );
    expect(parsed.errors[1]!.message).toContain(`${cut.length} bytes but ${slice.length}`);
  });

  it('reports garbage rows on their own lines and keeps the good rows around them', async () => {
    const lines = [
      HEADER,
      '900;0062000;0062999;1000;ООО "Т2 МОБАЙЛ";Ростовская обл.;Ростовская область;7743895280',
      '\u0000\u0001PK\u0003\u0004 binary junk',
      '',
      'хлам;;;',
      '915;0000000;0000099;100;ПАО "МТС";Москва;Москва;7740000076',
      '915;0000100;0000199;100;ПАО "МТС";Москва;Москва;ИНН',
      '916;0000000;0000099;100;"ООО X',
    ];
    const head = utf8(`${lines.join('\n')}\n`);
    // A byte that is not UTF-8 inside an otherwise good row: the row is kept, with a warning.
    const damaged = new Uint8Array([
      ...utf8('917;0000000;0000099;100;ООО "'),
      0xff,
      ...utf8('";Москва;Москва;1234567890\n'),
    ]);
    const bytes = new Uint8Array([...BOM, ...head, ...damaged]);
    const parsed = await parseRegistryStream(inChunks(bytes, 3));
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.ranges.map((range) => range.line)).toEqual([2, 6, 9]);
    expect(parsed.ranges[2]!.operator).toBe('ООО "\uFFFD"');
    expect(parsed.errors.map((issue) => [issue.line, issue.severity, issue.code])).toEqual([
      [3, 'error', 'column_count'],
      [5, 'error', 'column_count'],
      [7, 'error', 'invalid_inn'],
      [8, 'error', 'malformed_line'],
      [9, 'warning', 'invalid_characters'],
    ]);
    expect(parsed.stats).toMatchObject({ lines: 9, dataRows: 7, acceptedRows: 3, rejectedRows: 4, warnings: 1 });
  });

  it('rejects overlapping ranges naming both lines', async () => {
    const text = [
      HEADER,
      '915;0000000;0000999;1000;ПАО "МТС";Москва;Москва;7740000076',
      '915;0000500;0001499;1000;ООО "Т2 МОБАЙЛ";Москва;Москва;7743895280',
    ].join('\n');
    const parsed = await parseRegistryStream(inChunks(utf8(text), 16));
    expect(parsed.ranges.map((range) => range.line)).toEqual([2]);
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        line: 3,
        severity: 'error',
        code: 'overlapping_range',
        message: expect.stringContaining('on line 2'),
      }),
    ]);
  });

  it('reads an old six-column file and says so', async () => {
    const text =
      'АВС/ DEF;От;До;Емкость;Оператор;Регион\n900;3350000;3359999;10000;ПАО "Вымпел-Коммуникации";Чукотский АО\n';
    const parsed = await parseRegistryStream(inChunks(utf8(text), 11));
    expect(parsed.format).toBe('legacy');
    expect(parsed.ranges[0]).toMatchObject({ inn: '7713076301', territory: '', regions: ['Чукотский АО'] });
  });

  it('treats an empty source as a file without a header', async () => {
    const parsed = await parseRegistryStream(inChunks(new Uint8Array(0), 1));
    expect(parsed).toMatchObject({ encoding: 'utf-8', bytes: 0, ranges: [], stats: { lines: 1, dataRows: 0 } });
    expect(parsed.errors.map((issue) => issue.code)).toEqual(['unknown_header']);
  });

  it('turns a failing source into an AppError saying how far it got', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield utf8(`${HEADER}\n`);
      throw new Error('ECONNRESET');
    }
    const failure = await parseRegistryStream(failing(), { fileName: 'DEF-9xx.csv' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    const read = utf8(`${HEADER}\n`).length;
    expect(failure).toMatchObject({
      code: 'UNAVAILABLE',
      message: `Reading "DEF-9xx.csv" failed after ${read} bytes: ECONNRESET`,
    });
  });
});
