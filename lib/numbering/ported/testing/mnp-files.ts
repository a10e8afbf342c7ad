/**
 * MNP export texts for the parsers' tests, header and rows as in the documented exports
 * (layouts in parse-ported-numbers.ts). Increments differ per test (each checks its own ordering rules), so only the
 * full-set files are shared.
 */
export const PORT_ALL = [
  'Number,OwnerId,MNC,Route,RegionCode,PortDate,RowCount',
  '9000000000,mMEGAFON,02,D2502,25,2016-09-07T12:00:17+03:00,3',
  '9000000001,mMEGAFON,02,D2502,25,2016-07-26T17:00:07+03:00,',
  '9151234567,mBEELINE,99,D7799,77,2020-01-10T10:00:00+03:00,',
].join('\n');

/** The extended full export (13 columns), with Windows line ends. */
export const PORT_ALL_FULL = [
  'Number,OwnerId,MNC,Route,RegionCode,PortDate,RowCount,NPId,DonorId,RangeHolderId,OldRoute,OldMNC,ProcessType',
  '9000000000,mMEGAFON,02,D2502,25,2016-09-07T12:00:17+03:00,6121908,1000000006441231,mTELE2,mTELE2,,,ShortTimePort',
  '9000000013,mMEGAFON,02,D2502,25,2017-02-09T10:00:18+03:00,0,1000000008386653,mBEELINE,mTELE2,D2599,99,ShortTimePort',
].join('\r\n');
