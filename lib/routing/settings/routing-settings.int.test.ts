import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { createDb } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { demoRoutingSettings } from '../demo-routing-settings';
import { routeCall } from '../route-call';
import { DEFAULT_SIM_HEALTH } from '../sim-health-defaults';
import { loadRoutingSettings } from './load-routing-settings';
import { saveRoutingSettings } from './save-routing-settings';
import { seedDemoPortal } from './seed-demo-portal';

const noTokens = { clientEndpoint: '', accessToken: '', refreshToken: '', expiresAt: new Date(0) };

describe.each(['sqlite', 'postgresql'] as const)('routing settings in %s', (kind) => {
  let test: TestDatabase;
  let portalId: number;

  beforeAll(async () => {
    test = await createTestDatabase({ kind });
    portalId = (await seedDemoPortal({ db: test.db() })).portalId;
  });
  afterAll(async () => test?.dispose());

  it('seeds the reference deployment idempotently (same ids the second time)', async () => {
    const first = await loadRoutingSettings({ db: test.db(), portalId });
    await seedDemoPortal({ db: test.db() });
    const second = await loadRoutingSettings({ db: test.db(), portalId });
    expect(second).toEqual(first);
    expect(first.trunks.map((t) => t.name)).toEqual(['Билайн', 'МегаФон', 'МТС', 'HR-1', 'HR-2']);
    expect(first.profiles.find((p) => p.kind === 'hr')).toMatchObject({ departmentIds: ['2'] });
  });

  it('routes by extension through the stored settings and the bundled registry', async () => {
    const db = test.db();
    expect((await routeCall({ portalId, number: '79151234567', extension: '101', db })).trunk?.dial).toBe(
      'PJSIP/{number}@gw_mts',
    );
    expect((await routeCall({ portalId, number: '79151234567', extension: '201', db })).trunk?.dial).toBe(
      'PJSIP/{number}@gw_hr2',
    );
    expect((await routeCall({ portalId, number: '79261234567', extension: '202', db })).trunk?.dial).toBe(
      'PJSIP/{number}@gw_hr1',
    );
  });

  it('refuses invalid settings with field messages and changes nothing', async () => {
    const db = test.db();
    const before = await loadRoutingSettings({ db, portalId });
    const bad = structuredClone(before);
    bad.profiles.find((p) => p.kind === 'hr')!.allowedTrunkIds.push(bad.trunks[0]!.id);
    bad.trunks[1]!.caps.callsPerDay = -1;
    const error = await saveRoutingSettings({ db, portalId, settings: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys((error as AppError).fields!)).toEqual(
      expect.arrayContaining(['trunks.1.caps.callsPerDay', 'profiles.1.allowedTrunkIds']),
    );
    expect(await loadRoutingSettings({ db, portalId })).toEqual(before);
  });

  it('saves edits atomically: renames that swap names, a new trunk, and the decision sees them at once', async () => {
    const db = test.db();
    const settings = await loadRoutingSettings({ db, portalId });
    const [beeline, megafon] = settings.trunks;
    [beeline!.name, megafon!.name] = [megafon!.name, beeline!.name];
    settings.trunks.push({
      ...structuredClone(settings.trunks[2]!),
      id: 'new-1',
      name: 'МТС-2',
      lineNumber: '74950000004',
      dial: 'PJSIP/{number}@gw_mts2',
    });
    const sales = settings.profiles.find((p) => p.kind === 'sales')!;
    sales.allowedTrunkIds.push('new-1');
    const saved = await saveRoutingSettings({ db, portalId, settings });
    expect(saved.trunks.map((t) => t.name)).toEqual(['МегаФон', 'Билайн', 'МТС', 'HR-1', 'HR-2', 'МТС-2']);
    const mts2 = saved.trunks.find((t) => t.name === 'МТС-2')!;
    expect(saved.profiles.find((p) => p.kind === 'sales')!.allowedTrunkIds).toContain(mts2.id);
    // All MTS-1 SIMs busy → the new MTS-2 line, with no stale cached settings in the way.
    const mts = saved.trunks.find((t) => t.name === 'МТС')!;
    const decision = await routeCall({
      portalId,
      number: '79151234567',
      extension: '101',
      occupancy: { [mts.id]: 4 },
      db,
    });
    expect(decision.trunk?.name).toBe('МТС-2');
  });

  it('a new portal saves a line before any group, then a group, and routing says when no line exists', async () => {
    const db = test.db();
    const fresh = await db.portal.create({ data: { memberId: `fresh-${kind}`, domain: 'fresh.example', ...noTokens } });
    const empty = await loadRoutingSettings({ db, portalId: fresh.id });
    expect(empty).toEqual({
      trunks: [],
      carrierGroups: [],
      profiles: [],
      defaultTrunkId: '',
      simHealth: DEFAULT_SIM_HEALTH,
    });
    const none = await routeCall({ portalId: fresh.id, number: '79151234567', db });
    expect(none.trunk).toBeNull();
    expect(none.reasons.at(-1)).toEqual({ code: 'noLines' });

    const line = { ...structuredClone(empty), defaultTrunkId: 'new-line' };
    line.trunks.push({ ...structuredClone(demoRoutingSettings.trunks[2]!), id: 'new-line', carrierGroupId: '' });
    const withLine = await saveRoutingSettings({ db, portalId: fresh.id, settings: line });
    expect(withLine.trunks[0]).toMatchObject({ name: 'МТС', carrierGroupId: '' });
    expect(withLine.defaultTrunkId).toBe(withLine.trunks[0]!.id);

    withLine.carrierGroups.push({ id: 'new-group', name: 'МТС', inns: ['7740000076'] });
    withLine.trunks[0]!.carrierGroupId = 'new-group';
    const both = await saveRoutingSettings({ db, portalId: fresh.id, settings: withLine });
    expect(both.trunks[0]!.carrierGroupId).toBe(both.carrierGroups[0]!.id);
    const routed = await routeCall({ portalId: fresh.id, number: '79151234567', db });
    expect(routed).toMatchObject({ trunk: { name: 'МТС' }, onNet: true });

    // Removing the only line again leaves the groups and no default.
    const groupsOnly = await saveRoutingSettings({
      db,
      portalId: fresh.id,
      settings: { ...both, trunks: [], defaultTrunkId: '' },
    });
    expect(groupsOnly).toMatchObject({ trunks: [], defaultTrunkId: '', carrierGroups: [{ name: 'МТС' }] });
  });
});

// PostgreSQL only: two clients of one SQLite file in one process cannot save at once (better-sqlite3 waits for the
// write lock synchronously, blocking the event loop the first save needs); SQLite's one-writer rule covers it there.
describe('routing settings saved at once by two app instances (postgresql)', () => {
  let test: TestDatabase;
  let portalId: number;
  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'postgresql' });
    portalId = (await seedDemoPortal({ db: test.db() })).portalId;
  });
  afterAll(async () => test?.dispose());

  it('one whole edit wins, never a mix, no error', async () => {
    const other = createDb({ database: test.database });
    try {
      const base = await loadRoutingSettings({ db: test.db(), portalId });
      // Each adds its own new line and renames the same trunk: a mix would show both new lines or a foreign name.
      const edits = ['A', 'B'].map((tag) => {
        const edit = structuredClone(base);
        edit.trunks.push({
          ...structuredClone(edit.trunks[2]!),
          id: `new-${tag}`,
          name: `Линия ${tag}`,
          lineNumber: `7495000010${tag === 'A' ? 1 : 2}`,
          dial: `PJSIP/{number}@gw_${tag}`,
        });
        edit.trunks[0]!.name = `Билайн ${tag}`;
        return edit;
      });
      await Promise.all([
        saveRoutingSettings({ db: test.db(), portalId, settings: edits[0] }),
        saveRoutingSettings({ db: other, portalId, settings: edits[1] }),
      ]);
      const names = (await loadRoutingSettings({ db: test.db(), portalId })).trunks.map((t) => t.name);
      expect(
        [
          names.includes('Линия A') && names.includes('Билайн A'),
          names.includes('Линия B') && names.includes('Билайн B'),
        ].filter(Boolean),
      ).toHaveLength(1);
      expect(names.filter((n) => n.startsWith('Линия '))).toHaveLength(1);
    } finally {
      await other.$disconnect();
    }
  });
});
