import { describe, expect, it } from 'vitest';
import { chooseCallbackManager } from './choose-callback-manager';

describe('chooseCallbackManager: CRM responsible, else the line default, else the admin', () => {
  it.each([
    { crmOwner: '3', lineDefault: 2, admin: 1, expected: { userId: 3, source: 'crm' } },
    { crmOwner: 3, lineDefault: null, admin: null, expected: { userId: 3, source: 'crm' } },
    { crmOwner: undefined, lineDefault: 2, admin: 1, expected: { userId: 2, source: 'line' } },
    { crmOwner: '', lineDefault: 2, admin: 1, expected: { userId: 2, source: 'line' } },
    { crmOwner: '0', lineDefault: 2, admin: 1, expected: { userId: 2, source: 'line' } },
    { crmOwner: 'abc', lineDefault: null, admin: 1, expected: { userId: 1, source: 'admin' } },
    { crmOwner: null, lineDefault: -4, admin: 1, expected: { userId: 1, source: 'admin' } },
    { crmOwner: null, lineDefault: null, admin: null, expected: null },
  ])('owner $crmOwner, line $lineDefault, admin $admin → $expected', ({ expected, ...candidates }) => {
    expect(chooseCallbackManager(candidates)).toEqual(expected);
  });
});
