import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { decideRegistration } from './decide-registration';
import { loadLists, type ListsDocument } from './load-lists';
import { saveLists } from './save-lists';

const lists: ListsDocument = {
  whitelistUsers: [{ value: '101', note: 'Менеджер' }],
  whitelistDepartments: [{ value: '2', note: '' }],
  whitelistExtensions: [{ value: '1??', note: 'Продажи' }],
  neverRecord: [
    { value: '+7 495 111-22-33', note: 'Доставка воды' },
    { value: '8495123*', note: 'Суды' },
  ],
};

describe.each(['sqlite', 'postgresql'] as const)('lists in %s', (kind) => {
  let test: TestDatabase;
  let portalId: number;
  let otherPortalId: number;

  beforeAll(async () => {
    test = await createTestDatabase({ kind });
    portalId = (await seedDemoPortal({ db: test.db() })).portalId;
    otherPortalId = (
      await test.db().portal.create({
        data: {
          memberId: 'other-portal',
          domain: 'other.example',
          clientEndpoint: 'http://127.0.0.1:9/rest/',
          accessToken: 'a',
          refreshToken: 'r',
          expiresAt: new Date(0),
        },
      })
    ).id;
    await test.db().listEntry.create({ data: { portalId: otherPortalId, list: 'never_record', value: '74951112233' } });
  });
  afterAll(async () => test?.dispose());

  it('stores the document in matcher form and reads it back in order', async () => {
    const saved = await saveLists({ db: test.db(), portalId, lists });
    expect(saved.neverRecord).toEqual([
      { value: '74951112233', note: 'Доставка воды' },
      { value: '7495123*', note: 'Суды' },
    ]);
    expect(saved.whitelistExtensions).toEqual([{ value: '1??', note: 'Продажи' }]);
    expect(await loadLists({ db: test.db(), portalId })).toEqual(saved);
  });

  it('the stored rows drive registration: water delivery never, a whitelisted extension yes', async () => {
    const rows = await test.db().listEntry.findMany({ where: { portalId } });
    expect(
      decideRegistration({ call: { extension: '150', departmentIds: [], number: '8 (495) 111-22-33' }, lists: rows })
        .reason,
    ).toBe('never_record');
    expect(
      decideRegistration({ call: { extension: '150', departmentIds: [], number: '+7 495 123-00-00' }, lists: rows })
        .reason,
    ).toBe('never_record');
    expect(
      decideRegistration({ call: { extension: '150', departmentIds: [], number: '+7 916 123-45-67' }, lists: rows })
        .reason,
    ).toBe('whitelist_extension');
  });

  it('replaces the whole list; a refused save changes nothing; other portals are untouched', async () => {
    const db = test.db();
    await saveLists({ db, portalId, lists: { ...lists, neverRecord: [{ value: '112', note: '' }] } });
    expect((await loadLists({ db, portalId })).neverRecord).toEqual([{ value: '112', note: '' }]);
    const before = await loadLists({ db, portalId });
    await expect(
      saveLists({ db, portalId, lists: { ...lists, whitelistUsers: [{ value: 'x', note: '' }] } }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(saveLists({ db, portalId, lists: null })).rejects.toBeInstanceOf(AppError);
    expect(await loadLists({ db, portalId })).toEqual(before);
    expect((await loadLists({ db, portalId: otherPortalId })).neverRecord).toEqual([
      { value: '74951112233', note: '' },
    ]);
  });
});
