import { describe, expect, it } from 'vitest';
import { decideRecording } from './decide-recording';

const lists = [
  { list: 'never_record', value: '7926*', isPattern: true },
  { list: 'whitelist_extension', value: '10?', isPattern: true },
  { list: 'whitelist_department', value: '2', isPattern: false },
];

describe('decideRecording', () => {
  it.each([
    ['switch off', false, { number: '79151234567', extension: '101', departmentIds: [] }, 'off'],
    [
      'never-record number, whitelisted extension',
      true,
      { number: '89261234567', extension: '101', departmentIds: [] },
      'never_record',
    ],
    ['whitelisted extension', true, { number: '79151234567', extension: '102', departmentIds: [] }, 'whitelisted'],
    ['whitelisted department', true, { number: '79151234567', extension: '201', departmentIds: [2] }, 'whitelisted'],
    ['nobody whitelisted it', true, { number: '79151234567', extension: '201', departmentIds: [1] }, 'not_whitelisted'],
  ])('%s → %s', (_name, enabled, call, reason) => {
    const decision = decideRecording({ enabled, lists, call });
    expect(decision).toEqual({ record: reason === 'whitelisted', reason });
  });
});
