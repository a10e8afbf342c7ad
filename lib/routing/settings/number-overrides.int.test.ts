import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { learnNumberCarrier, listNumberOverrides } from '../../numbering/store';
import { routeCall } from '../route-call';
import { removeNumberOverride } from './remove-number-override';
import { seedDemoPortal } from './seed-demo-portal';
import { setNumberOverride } from './set-number-override';

const MTS = '7740000076';
const MEGAFON = '7812014560';
const BEELINE = '7713076301';
/** МТС in the bundled registry. */
const NUMBER = '79150000007';

describe.each(['sqlite', 'postgresql'] as const)('number overrides of two portals in one %s database', (kind) => {
  let test: TestDatabase;
  let portalA: number;
  let portalB: number;

  beforeAll(async () => {
    test = await createTestDatabase({ kind });
    const db = test.db();
    ({ portalId: portalA } = await seedDemoPortal({ db }));
    const other = await db.portal.create({
      data: {
        memberId: 'member-b',
        domain: 'b.example',
        clientEndpoint: '',
        accessToken: '',
        refreshToken: '',
        expiresAt: new Date(0),
      },
    });
    ({ portalId: portalB } = await seedDemoPortal({ db, portalId: other.id }));
  });
  afterAll(async () => test?.dispose());

  const route = async (portalId: number) => {
    const decision = await routeCall({ portalId, number: NUMBER, extension: '101', db: test.db() });
    return { inn: decision.carrier?.inn, source: decision.carrier?.source, trunk: decision.trunk?.name };
  };

  it("portal B's admin override changes B's routing at once and leaves A's as it was", async () => {
    // Both contexts are cached first: B's must be forgotten by the save, A's must not need to be.
    expect(await route(portalA)).toEqual({ inn: MTS, source: 'registry', trunk: 'МТС' });
    expect(await route(portalB)).toEqual({ inn: MTS, source: 'registry', trunk: 'МТС' });
    await setNumberOverride({ db: test.db(), portalId: portalB, number: '+7 915 000-00-07', inn: MEGAFON });
    expect(await route(portalB)).toEqual({ inn: MEGAFON, source: 'override', trunk: 'МегаФон' });
    expect(await route(portalA)).toEqual({ inn: MTS, source: 'registry', trunk: 'МТС' });
    const listed = async (portalId: number) =>
      (await listNumberOverrides({ db: test.db(), portalId })).rows.map((row) => [row.source, row.inn]);
    expect(await listed(portalA)).toEqual([]);
    expect(await listed(portalB)).toEqual([['admin', MEGAFON]]);
  });

  it("a learned answer is for every portal, after a portal's own admin override", async () => {
    await learnNumberCarrier({ db: test.db(), e164: NUMBER, inn: BEELINE, ttlMs: 3_600_000, note: 'HLR' });
    expect(await route(portalA)).toEqual({ inn: BEELINE, source: 'override', trunk: 'Билайн' });
    expect(await route(portalB)).toEqual({ inn: MEGAFON, source: 'override', trunk: 'МегаФон' });
  });

  it("an admin removes only their own portal's override", async () => {
    const db = test.db();
    expect(await removeNumberOverride({ db, portalId: portalA, number: NUMBER })).toEqual({ removed: false });
    expect((await route(portalB)).inn).toBe(MEGAFON);
    expect(await removeNumberOverride({ db, portalId: portalB, number: NUMBER })).toEqual({ removed: true });
    expect(await route(portalB)).toEqual({ inn: BEELINE, source: 'override', trunk: 'Билайн' });
    expect(await db.numberOverride.count({ where: { number: NUMBER } })).toBe(1);
  });

  it("a deleted portal's overrides go with it", async () => {
    const db = test.db();
    await setNumberOverride({ db, portalId: portalB, number: NUMBER, inn: MEGAFON });
    await db.portal.delete({ where: { id: portalB } });
    expect(await db.numberOverride.findMany({ select: { portalId: true } })).toEqual([{ portalId: null }]);
  });
});
