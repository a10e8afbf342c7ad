import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import type { PortalSeed } from '../../../e2e/bitrix24-emulator/types';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { loadPortalDirectory } from '../../portals/load-portal-directory';
import { forgetPortalClient } from '../rest/get-portal-client';
import { storeInstalledPortal } from '../testing/store-installed-portal';
import { syncPortalDirectory } from './sync-portal-directory';

/**
 * The admin's pickers offer the portal's real structure: departments from department.get and users with their
 * UF_DEPARTMENT from user.get, read page by page (50 a page) into the cache; what Bitrix24 no longer lists leaves it.
 */
const MEMBER = 'directory-member';
const DEPARTMENTS = 60;
const USERS = 130;
const seed: PortalSeed = {
  memberId: MEMBER,
  departments: Array.from({ length: DEPARTMENTS }, (_, i) => ({
    ID: i + 1,
    NAME: i === 0 ? 'Компания' : `Отдел ${i + 1}`,
    ...(i === 0 ? {} : { PARENT: 1 }),
  })),
  users: Array.from({ length: USERS }, (_, i) => ({
    ID: i + 1,
    NAME: `Имя${i + 1}`,
    LAST_NAME: 'Фамилия',
    ADMIN: i === 0,
    UF_PHONE_INNER: String(100 + i),
    UF_DEPARTMENT: [1 + (i % DEPARTMENTS)],
  })),
};
let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;
let portalId: number;

beforeAll(async () => {
  emulator = await startEmulator({
    portals: [seed],
    appUrl: 'http://127.0.0.1:1',
    clientId: 'app.dir',
    clientSecret: 'dir-secret',
  });
  Object.assign(process.env, {
    B24_CLIENT_ID: 'app.dir',
    B24_CLIENT_SECRET: 'dir-secret',
    B24_OAUTH_URL: emulator.url,
  });
  testDb = await createTestDatabase({ kind: (process.env.C2C_TEST_DB as 'postgresql' | undefined) ?? 'sqlite' });
  db = testDb.db();
  portalId = await storeInstalledPortal({ db, emulator, memberId: MEMBER });
}, 60_000);
afterAll(async () => {
  forgetPortalClient();
  await emulator?.close();
  await testDb?.dispose();
});

describe('departments and people from Bitrix24', () => {
  it('reads every page of department.get and user.get into the pickers', async () => {
    const startedAt = Date.now();
    expect(await syncPortalDirectory({ db, portalId })).toEqual({
      departments: DEPARTMENTS,
      users: USERS,
      complete: true,
    });
    const tookMs = Date.now() - startedAt;
    const pages = emulator.callsTo('department.get').length + emulator.callsTo('user.get').length;
    const directory = await loadPortalDirectory({ db, portalId });
    expect(directory.departments).toHaveLength(DEPARTMENTS);
    expect(directory.departments.find((d) => d.id === '7')).toEqual({ id: '7', name: 'Отдел 7', parentId: '1' });
    expect(directory.users.find((u) => u.id === '62')).toEqual({
      id: '62',
      name: 'Имя62 Фамилия',
      extension: '161',
      departmentIds: ['2'],
    });
    console.info(`[directory] ${DEPARTMENTS} departments + ${USERS} users in ${pages} pages, ${tookMs} ms`);
  });

  it('a department and a person gone from Bitrix24 leave the pickers; a move follows UF_DEPARTMENT', async () => {
    const portal = emulator.portal(MEMBER);
    portal.departments = portal.departments.filter((d) => d.ID !== 60);
    portal.users = portal.users.filter((u) => u.ID !== 130);
    portal.users.find((u) => u.ID === 62)!.UF_DEPARTMENT = [3, 4];
    await syncPortalDirectory({ db, portalId });
    const directory = await loadPortalDirectory({ db, portalId });
    expect(directory.departments.map((d) => d.id)).not.toContain('60');
    expect(directory.users.map((u) => u.id)).not.toContain('130');
    expect(directory.users.find((u) => u.id === '62')?.departmentIds.sort()).toEqual(['3', '4']);
  });
});
