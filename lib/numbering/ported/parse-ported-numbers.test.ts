import { describe, expect, it } from 'vitest';
import { parsePortedNumbers } from './parse-ported-numbers';
import { PORT_ALL, PORT_ALL_FULL } from './testing/mnp-files';

const PORT_INCREMENT = [
  'NPId,Number,RecipientId,DonorId,RangeHolderId,OldRoute,NewRoute,OldMNC,NewMNC,RegionCode,PortDate,RowCount',
  '1000000011129944,9193886341,mMEGAFON,mTELE2,mMTS,D6739,D6702,39,02,67,2017-09-30T23:00:09+03:00,3',
  '1000000011320177,9176633142,mTELE2,mMTS,mMTS,D2101,D2120,01,20,21,2017-09-30T22:00:09+03:00,',
  // The same number ported back later in the same file; written earlier in the file on purpose.
  '1000000011320178,9176633142,mMTS,mTELE2,mMTS,D2120,D2101,20,01,21,2017-09-30T23:30:00+03:00,',
].join('\n');

describe('parsePortedNumbers', () => {
  it('reads a Port_All file keyed by e164 with the recipient ИНН', () => {
    const { format, ported, errors, stats } = parsePortedNumbers(PORT_ALL);
    expect(format).toBe('port_all');
    expect(errors).toEqual([]);
    expect(stats).toEqual({ dataRows: 3, acceptedRows: 3, rejectedRows: 0 });
    expect(ported.get('79000000000')).toEqual({
      e164: '79000000000',
      ownerId: 'mMEGAFON',
      inn: '7812014560',
      mnc: '02',
      route: 'D2502',
      regionCode: '25',
      portedAt: '2016-09-07T12:00:17+03:00',
      line: 2,
    });
    expect(ported.get('79151234567')?.inn).toBe('7713076301');
  });

  it('reads a Port_All_Full file (extra columns, CRLF)', () => {
    const { format, ported, errors } = parsePortedNumbers(PORT_ALL_FULL);
    expect(format).toBe('port_all_full');
    expect(errors).toEqual([]);
    expect([...ported.keys()]).toEqual(['79000000000', '79000000013']);
  });

  it('reads a Port_Increment file with the new route, and the later port of a number wins', () => {
    const { format, ported, errors } = parsePortedNumbers(PORT_INCREMENT);
    expect(format).toBe('port_increment');
    expect(errors).toEqual([]);
    expect(ported.get('79193886341')).toMatchObject({
      ownerId: 'mMEGAFON',
      inn: '7812014560',
      route: 'D6702',
      mnc: '02',
    });
    expect(ported.get('79176633142')).toMatchObject({ ownerId: 'mMTS', inn: '7740000076', route: 'D2101', line: 4 });
  });

  it('keeps an unknown owner id with a null ИНН rather than guessing', () => {
    const { ported } = parsePortedNumbers(`${PORT_ALL}\n9991234567,mSOMEMVNO,99,D7799,77,2021-01-01T00:00:00+03:00,`);
    expect(ported.get('79991234567')).toMatchObject({ ownerId: 'mSOMEMVNO', inn: null });
  });

  it.each([
    ['900000000,mMTS,01,D7701,77,2020-01-01T00:00:00+03:00,', 'invalid_number'],
    ['79000000000,mMTS,01,D7701,77,2020-01-01T00:00:00+03:00,', 'invalid_number'],
    ['9000000002,,01,D7701,77,2020-01-01T00:00:00+03:00,', 'missing_owner'],
    ['9000000002,mMTS,1,D7701,77,2020-01-01T00:00:00+03:00,', 'invalid_mnc'],
    ['9000000002,mMTS,01,X7701,77,2020-01-01T00:00:00+03:00,', 'invalid_route'],
    ['9000000002,mMTS,01,D7701,7x,2020-01-01T00:00:00+03:00,', 'invalid_region'],
    ['9000000002,mMTS,01,D7701,77,yesterday,', 'invalid_date'],
    ['9000000002,mMTS,01,D7701,77', 'column_count'],
    ['9000000002,"mMTS,01,D7701,77,2020-01-01T00:00:00+03:00,', 'malformed_line'],
  ])('rejects %j as %s on its line and keeps the rest', (bad, code) => {
    const { ported, errors, stats } = parsePortedNumbers(`${PORT_ALL}\n${bad}\n9000000003,mMTS,01,D7701,77,,`);
    expect(errors).toEqual([expect.objectContaining({ line: 5, severity: 'error', code })]);
    expect(stats).toEqual({ dataRows: 5, acceptedRows: 4, rejectedRows: 1 });
    expect(ported.get('79000000003')).toMatchObject({ ownerId: 'mMTS', portedAt: null, line: 6 });
  });

  it('reports a file without a known header at line 1', () => {
    const { format, ported, errors } = parsePortedNumbers(
      '9000000000,mMEGAFON,02,D2502,25,2016-09-07T12:00:17+03:00,1',
    );
    expect(format).toBeNull();
    expect(ported.size).toBe(0);
    expect(errors).toEqual([expect.objectContaining({ line: 1, code: 'unknown_header' })]);
  });
});
