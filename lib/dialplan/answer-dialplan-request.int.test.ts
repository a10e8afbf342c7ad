import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { forgetRoutingPortals } from '../portals/find-routing-portal';
import { forgetRoutingContext } from '../routing/settings/get-routing-context';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { answerDialplanRequest } from './answer-dialplan-request';

// One database for the file: the endpoint reads through this process's own client, made once from DATABASE_URL.
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase({ kind: 'sqlite' });
  process.env.DATABASE_URL = `file:${test.database.kind === 'sqlite' ? test.database.file : ''}`;
});
afterAll(() => test?.dispose());

// The endpoint on a fresh install (real SQLite, migrated, nothing configured) and after the lines are set up.
describe('the dialplan endpoint before any line is set up', () => {
  const ask = () =>
    answerDialplanRequest({
      number: '79151234567',
      ext: '101',
      json: false,
      fromLoopback: true,
      readSimLoad: async () => null,
    });

  it('answers an error, not NO_ROUTE, so the dialplan takes its default trunk instead of congestion', async () => {
    expect(await ask()).toMatchObject({ status: 503, body: 'ERROR UNAVAILABLE' });
  });

  it('routes as soon as the lines exist (the save forgets the cached settings)', async () => {
    await seedDemoPortal({ db: test.db() });
    expect(await ask()).toMatchObject({ status: 200, body: 'gw_mts' });
  });

  it('answers the whole dial string with format=dial, any technology and a hyphenated trunk', async () => {
    const dial = (json = false) =>
      answerDialplanRequest({
        number: '8 (915) 123-45-67',
        ext: '101',
        json,
        dial: true,
        fromLoopback: true,
        readSimLoad: async () => null,
      });
    expect(await dial()).toMatchObject({ status: 200, body: 'PJSIP/79151234567@gw_mts' });
    const db = test.db();
    const mts = await db.trunk.findFirstOrThrow({ where: { dial: 'PJSIP/{number}@gw_mts' } });
    for (const [template, body, target] of [
      ['PJSIP/1#{number}@MTS-GoIP', 'PJSIP/1#79151234567@MTS-GoIP', 'MTS-GoIP'],
      ['SIP/mts/{number}', 'SIP/mts/79151234567', 'mts'],
      ['Dongle/g2/{number}', 'Dongle/g2/79151234567', 'g2'],
    ]) {
      await db.trunk.update({ where: { id: mts.id }, data: { dial: template } });
      forgetRoutingContext(mts.portalId);
      expect(await dial()).toMatchObject({ status: 200, body });
      expect(JSON.parse((await dial(true)).body)).toMatchObject({ target, dial: body, trunk: { dial: template } });
    }
    await db.trunk.update({ where: { id: mts.id }, data: { dial: 'PJSIP/{number}@gw_mts' } });
    forgetRoutingContext(mts.portalId);
  });
});

describe('the dialplan endpoint when the portal cannot be told or is not installed', () => {
  const portal = (memberId: string, status: string) => ({
    memberId,
    status,
    domain: `${memberId}.bitrix24.ru`,
    clientEndpoint: '',
    accessToken: '',
    refreshToken: '',
    expiresAt: new Date(0),
  });
  beforeAll(async () => {
    for (const [memberId, status] of [
      ['first', 'active'],
      ['second', 'active'],
      ['gone', 'uninstalled'],
    ] as const) {
      await test.db().portal.create({ data: portal(memberId, status) });
    }
    forgetRoutingPortals();
  });

  const ask = (portalName?: string) =>
    answerDialplanRequest({
      number: '79151234567',
      ext: '101',
      portal: portalName,
      json: false,
      fromLoopback: true,
      readSimLoad: async () => null,
    });

  it.each([
    ['no portal named while two are installed', undefined, 400, 'ERROR INVALID_INPUT'],
    ['a portal that never installed', 'nobody', 404, 'ERROR NOT_FOUND'],
    ['an uninstalled portal', 'gone', 404, 'ERROR NOT_FOUND'],
  ])('%s: %s, logged in one line without a stack', async (_name, portalName, status, body) => {
    const written = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await ask(portalName)).toMatchObject({ status, body });
      const lines = written.mock.calls.map((call) => String(call[0]));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', status, code: body.slice('ERROR '.length) });
      expect(lines[0]).not.toMatch(/\\n\s+at /);
    } finally {
      written.mockRestore();
    }
  });
});
