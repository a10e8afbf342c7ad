import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { parsePortedNumbers } from './parse-ported-numbers';
import { parsePortedStream, type ParsedPortedStream, type PortedParseProgress } from './parse-ported-stream';
import {
  applyPortedChanges,
  createPortedIndexBuilder,
  findPortedOwner,
  portedIndexStats,
  type PortedIndex,
} from './ported-index';
import { PORT_ALL, PORT_ALL_FULL } from './testing/mnp-files';

const PORT_INCREMENT = [
  'NPId,Number,RecipientId,DonorId,RangeHolderId,OldRoute,NewRoute,OldMNC,NewMNC,RegionCode,PortDate,RowCount',
  '1000000011129944,9193886341,mMEGAFON,mTELE2,mMTS,D6739,D6702,39,02,67,2017-09-30T23:00:09+03:00,4',
  // Ported back later the same day, but written first: the later port date wins, not the later row.
  '1000000011320178,9176633142,mMTS,mTELE2,mMTS,D2120,D2101,20,01,21,2017-09-30T23:30:00+03:00,',
  '1000000011320177,9176633142,mTELE2,mMTS,mMTS,D2101,D2120,01,20,21,2017-09-30T22:00:09+03:00,',
  '1000000011320179,9161111111,mTELE2,mMTS,mMTS,D7701,D7720,01,20,77,2017-09-30T22:00:09Z,',
].join('\n');

/** The text as chunks of `size` bytes (the last one shorter), as a file stream delivers them. */
async function* chunked(text: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

const parse = (text: string, size = 1 << 16) => parsePortedStream(chunked(text, size));

/**
 * Owner id per number of an index, for comparisons with parsePortedNumbers' Map. Lower-cased: the
 * index interns ids case-insensitively and keeps the first spelling it saw ("mMEGAFON", "MMEGAFON").
 */
function ownersOf(index: PortedIndex, numbers: Iterable<string>): Record<string, string | null> {
  return Object.fromEntries(
    [...numbers].map((e164) => [e164, findPortedOwner(index, e164)?.ownerId.toLowerCase() ?? null]),
  );
}

function expectSameAsInMemory(streamed: ParsedPortedStream, text: string): void {
  const reference = parsePortedNumbers(text);
  expect(streamed.format).toBe(reference.format);
  expect(streamed.errors).toEqual(reference.errors);
  expect(streamed.stats).toEqual({ ...reference.stats, issueCount: reference.errors.length });
  if (streamed.index) {
    expect(streamed.index.count).toBe(reference.ported.size);
    const expected = Object.fromEntries(
      [...reference.ported].map(([e164, entry]) => [e164, entry.ownerId.toLowerCase()]),
    );
    expect(ownersOf(streamed.index, reference.ported.keys())).toEqual(expected);
  }
}

describe('parsePortedStream', () => {
  it.each([
    ['Port_All', PORT_ALL, 'port_all'],
    ['Port_All_Full (CRLF)', PORT_ALL_FULL, 'port_all_full'],
  ])('reads a %s file into the index, like parsePortedNumbers', async (_label, text, format) => {
    const parsed = await parse(text);
    expect(parsed.format).toBe(format);
    expect(parsed.changes).toBeNull();
    expectSameAsInMemory(parsed, text);
  });

  it(
    'reads a Port_Increment into changes: the later port date wins, and a number back with its range holder is ' +
      'removed',
    async () => {
      const parsed = await parse(PORT_INCREMENT);
      expect(parsed.format).toBe('port_increment');
      expect(parsed.index).toBeNull();
      expect(parsed.errors).toEqual([]);
      expect(parsed.stats).toEqual({ dataRows: 4, acceptedRows: 4, rejectedRows: 0, issueCount: 0 });
      const before = createPortedIndexBuilder();
      before.add(9_176_633_142, 'mBEELINE');
      before.add(9_161_111_111, 'mMEGAFON');
      const after = applyPortedChanges(before.build(), parsed.changes!);
      expect(findPortedOwner(after, '79193886341')?.ownerId).toBe('mMEGAFON');
      expect(findPortedOwner(after, '79176633142')).toBeNull();
      expect(findPortedOwner(after, '79161111111')?.ownerId).toBe('mTELE2');
    },
  );

  it('keeps the later row of two ports with the same date', async () => {
    const text = [
      PORT_INCREMENT.split('\n')[0],
      '1,9150000001,mTELE2,mMTS,mMTS,D7701,D7720,01,20,77,2020-01-01T10:00:00+03:00,',
      '2,9150000001,mMEGAFON,mTELE2,mMTS,D7720,D7702,20,02,77,2020-01-01T07:00:00Z,',
      '3,9150000002,mMEGAFON,mTELE2,mMTS,D7720,D7702,20,02,77,,',
      '4,9150000002,mTELE2,mTELE2,mMTS,D7720,D7702,20,02,77,2019-01-01T00:00:00Z,',
    ].join('\n');
    const after = applyPortedChanges(createPortedIndexBuilder().build(), (await parse(text)).changes!);
    expect(findPortedOwner(after, '79150000001')?.ownerId).toBe('mMEGAFON');
    // An undated row sorts before any dated one.
    expect(findPortedOwner(after, '79150000002')?.ownerId).toBe('mTELE2');
  });

  it.each([1, 2, 3, 7, 64])('gives the same result for chunks of %i bytes, whatever the line breaks', async (size) => {
    for (const text of [
      PORT_ALL,
      PORT_ALL_FULL,
      PORT_ALL.replaceAll('\n', '\r'),
      `\ufeff${PORT_ALL}\n\n`,
      `${PORT_ALL}\r\n`,
    ]) {
      expectSameAsInMemory(await parse(text, size), text);
    }
    const increment = await parse(PORT_INCREMENT.replaceAll('\n', '\r\n'), size);
    expect(increment.stats.acceptedRows).toBe(4);
    expect(increment.changes!.count).toBe(3);
  });

  const badRows: [string, string][] = [
    ['900000000,mMTS,01,D7701,77,2020-01-01T00:00:00+03:00,', 'invalid_number'],
    ['79000000000,mMTS,01,D7701,77,2020-01-01T00:00:00+03:00,', 'invalid_number'],
    ['90000000x2,mMTS,01,D7701,77,2020-01-01T00:00:00+03:00,', 'invalid_number'],
    ['9000000002,,01,D7701,77,2020-01-01T00:00:00+03:00,', 'missing_owner'],
    ['9000000002,mMTS,1,D7701,77,2020-01-01T00:00:00+03:00,', 'invalid_mnc'],
    ['9000000002,mMTS,0a,D7701,77,2020-01-01T00:00:00+03:00,', 'invalid_mnc'],
    ['9000000002,mMTS,01,X7701,77,2020-01-01T00:00:00+03:00,', 'invalid_route'],
    ['9000000002,mMTS,01,D77,77,2020-01-01T00:00:00+03:00,', 'invalid_route'],
    ['9000000002,mMTS,01,D7701,7x,2020-01-01T00:00:00+03:00,', 'invalid_region'],
    ['9000000002,mMTS,01,D7701,77,yesterday,', 'invalid_date'],
    ['9000000002,mMTS,01,D7701,77,2020-13-01T00:00:00+03:00,', 'invalid_date'],
    ['9000000002,mMTS,01,D7701,77', 'column_count'],
    ['9000000002,mMTS,01,D7701,77,2020-01-01T00:00:00+03:00,,', 'column_count'],
    ['9000000002,"mMTS,01,D7701,77,2020-01-01T00:00:00+03:00,', 'malformed_line'],
  ];

  it.each(badRows)('rejects %j as %s on its line, at any chunk boundary, and keeps the rest', async (bad, code) => {
    const text = `${PORT_ALL}\n${bad}\n9000000003,mMTS,01,D7701,77,,`;
    for (const size of [1, 5, 13, 1 << 16]) {
      const parsed = await parse(text, size);
      expect(parsed.errors).toEqual([expect.objectContaining({ line: 5, severity: 'error', code })]);
      expectSameAsInMemory(parsed, text);
    }
  });

  it('accepts what the in-memory parser accepts: quoted fields, blanks around fields, other date shapes', async () => {
    const text = [
      PORT_ALL.split('\n')[0],
      '"9000000004","mMTS",01,D7701,77,2020-01-01T00:00:00+03:00,',
      ' 9000000005 , mTELE2 ,20, D7720 ,77, 2020-01-01T00:00:00Z ,',
      '9000000006,mMTS,01,,,2020-01-01,',
      '9000000007,mMTS,01,D7701,77,2020-01-01T10:00:00.250+03:00,',
      '9000000008,mMTS,01,D7701,77,2020-02-31T24:00:00Z,',
    ].join('\n');
    const parsed = await parse(text, 3);
    expect(parsed.errors).toEqual([]);
    expectSameAsInMemory(parsed, text);
  });

  it('keeps only the first 1,000 problems and counts all of them', async () => {
    const good = Array.from({ length: 1_600 }, (_, i) => `91${String(i).padStart(8, '0')},mMTS,01,D7701,77,,`);
    const bad = Array.from({ length: 1_500 }, (_, i) => `bad${i},mMTS,01,D7701,77,,`);
    const parsed = await parse([PORT_ALL, ...good, ...bad].join('\n'));
    expect(parsed.errors).toHaveLength(1_000);
    expect(parsed.errors[999]).toMatchObject({ line: 1 + 3 + 1_600 + 1_000, code: 'invalid_number' });
    expect(parsed.stats).toEqual({ dataRows: 3_103, acceptedRows: 1_603, rejectedRows: 1_500, issueCount: 1_500 });
  });

  it('stops reading a file whose rows are mostly bad, saying so in both languages', async () => {
    let pulled = 0;
    async function* junk(): AsyncIterable<Uint8Array> {
      yield new TextEncoder().encode(`${PORT_ALL}\n`);
      for (let i = 0; i < 100_000; i += 1) {
        pulled += 1;
        yield new TextEncoder().encode(`junk${i},mMTS,01,D7701,77,,\n`);
      }
    }
    const refused = parsePortedStream(junk());
    await expect(refused).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/строк.* \/ .*rows are bad/),
    });
    expect(pulled).toBeLessThan(2_000);
  });

  it('reports an unknown header and an empty file at line 1', async () => {
    const unknown = await parse('9000000000,mMEGAFON,02,D2502,25,2016-09-07T12:00:17+03:00,1\n9000000001,mMTS,01,,,,');
    expect(unknown).toMatchObject({ format: null, index: null, changes: null, stats: { dataRows: 0 } });
    expect(unknown.errors).toEqual([expect.objectContaining({ line: 1, code: 'unknown_header' })]);
    const empty = await parse('');
    expect(empty.errors).toEqual([expect.objectContaining({ line: 1, code: 'empty_file' })]);
  });

  it('reports progress as it reads, ending with the whole file', async () => {
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `${9_150_000_000 + i * 7},mMTS,01,D7701,77,2020-01-01T00:00:00+03:00,`,
    );
    const text = [PORT_ALL.split('\n')[0], ...rows].join('\n');
    const seen: PortedParseProgress[] = [];
    const parsed = await parsePortedStream(chunked(text, 100_000), {
      totalBytes: text.length,
      onProgress: (progress) => seen.push(progress),
    });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toEqual({ bytesRead: text.length, totalBytes: text.length, rows: 60_000 });
    expect(seen.map((progress) => progress.bytesRead)).toEqual(
      [...seen.map((progress) => progress.bytesRead)].sort((a, b) => a - b),
    );
    expect(portedIndexStats(parsed.index!)).toEqual({
      numbers: 60_000,
      byOwner: [{ ownerId: 'mMTS', inn: '7740000076', numbers: 60_000 }],
    });
  });

  it('matches the in-memory parser on a random file with random damage', async () => {
    let state = 11;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
    const owners = ['mMTS', 'mMEGAFON', 'MMEGAFON', 'mBEELINE', 'mTELE2', 'mX'];
    const lines = [PORT_ALL.split('\n')[0]!];
    for (let i = 0; i < 3_000; i += 1) {
      // Distinct numbers: the in-memory parser resolves repeats by date, the streaming one by row.
      const fields = [
        String(9_000_000_000 + i * 3_331),
        owners[Math.floor(next() * owners.length)]!,
        '01',
        'D7701',
        '77',
        '2020-01-01T00:00:00+03:00',
        '',
      ];
      if (next() < 0.05)
        fields[Math.floor(next() * fields.length)] = ['', 'x', '1234567890123', '"q', ' '][Math.floor(next() * 5)]!;
      if (next() < 0.01) fields.pop();
      lines.push(fields.join(','));
    }
    const text = lines.join(next() < 0.5 ? '\n' : '\r\n');
    for (const size of [1 << 16, 97]) expectSameAsInMemory(await parse(text, size), text);
  });

  it('turns a failing stream into an UNAVAILABLE AppError and refuses a line over 1 MB', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(`${PORT_ALL}\n`);
      throw new Error('connection reset');
    }
    await expect(parsePortedStream(failing())).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('connection reset'),
    });
    const huge = new Uint8Array(1.5 * 2 ** 20).fill(0x39);
    const error = await parsePortedStream(
      chunked(new Uint8Array([...new TextEncoder().encode(`${PORT_ALL}\n`), ...huge]), 1 << 16),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Line 5') });
  });
});
