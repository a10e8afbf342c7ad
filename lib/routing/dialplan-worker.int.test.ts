import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallTrackerState, LiveChannel } from '../calls/call-tracker-state';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { loadRoutingSettings } from './settings/load-routing-settings';
import { saveRoutingSettings } from './settings/save-routing-settings';
import { seedDemoPortal } from './settings/seed-demo-portal';
import { startDialplanWorker, type DialplanWorker } from './start-dialplan-worker';

/**
 * The dialplan listener as the server runs it: in its own worker thread, with its own caches, told by this thread
 * which SIMs are in use. The trackers here are plain state (what the AMI tracking would hold), so the test needs no
 * calls; the PBX only has to be configured (AMI_* from `npm run peers -- up`), as in production.
 */
describe('the dialplan worker', () => {
  let test: TestDatabase;
  let dialplan: DialplanWorker;
  let base: string;
  const channels = new Map<string, LiveChannel>();
  const tracker = { pbxName: 'pbx', isTrunkEndpoint: () => true, channels, calls: new Map() } as unknown as CallTrackerState;
  const ask = async (query: string) => (await fetch(`${base}?${query}`)).text();
  async function until(query: string, expected: string): Promise<void> {
    for (let i = 0; i < 100 && (await ask(query).catch(() => '')) !== expected; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(await ask(query)).toBe(expected);
  }

  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    await seedDemoPortal({ db: test.db() });
    // The worker copies this process's environment when it starts: it must see the test database.
    process.env.DATABASE_URL = `file:${test.database.kind === 'sqlite' ? test.database.file : ''}`;
    dialplan = startDialplanWorker({ listen: '127.0.0.1:0', trackers: () => [tracker] })!;
    base = `http://127.0.0.1:${(await dialplan.listening).port}/api/asterisk/route`;
    await until('number=79151234567&ext=101', 'gw_mts');
  });
  afterAll(async () => {
    await dialplan?.stop();
    await test?.dispose();
  });

  it('answers from its own thread exactly as the route decides (text for CURL(), JSON with reasons)', async () => {
    expect(await ask('number=79151234567&ext=201')).toBe('gw_hr2');
    const json = JSON.parse(await ask('number=79151234567&ext=101&format=json&lang=en')) as { target: string; reasonsText: string[] };
    expect(json.target).toBe('gw_mts');
    expect(json.reasonsText).toContain('МТС by the registry (range 915…)');
  });

  it('decides with the SIMs in use that this thread posts: MTS full → Beeline, freed → MTS again', async () => {
    for (let i = 0; i < 4; i += 1) channels.set(`mts-${i}`, { uniqueid: `u${i}`, linkedId: `l${i}`, name: `PJSIP/gw_mts-${i}`, endpoint: 'gw_mts', isTrunk: true, bridgedAt: null });
    await until('number=79151234567&ext=101', 'gw_beeline');
    channels.clear();
    await until('number=79151234567&ext=101', 'gw_mts');
  });

  it('has this thread run its database reads, and gets their errors back as they were', async () => {
    const asked = new Set<string>();
    dialplan.worker.on('message', (message: { kind: string; name?: string }) => message.kind === 'load' && asked.add(message.name!));
    // A portal nobody installed: the lookup runs here and fails with NOT_FOUND, which must reach the dialplan as such.
    expect(await ask('number=79151234567&ext=101&portal=not-installed')).toBe('ERROR NOT_FOUND');
    // The SIM usage is cached for a second: the next call after that has it read again — here, not in the worker.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await ask('number=79151234567&ext=101')).toBe('gw_mts');
    expect([...asked].sort()).toEqual(['routing-portal', 'sim-usage']);
  });

  it('a settings save in this thread reaches the worker\'s cache at once, not after its 30 s refresh', async () => {
    const db = test.db();
    const portal = await db.portal.findFirstOrThrow();
    const settings = await loadRoutingSettings({ db, portalId: portal.id });
    const mts = settings.trunks.find((t) => t.dialTarget === 'gw_mts')!;
    mts.enabled = false;
    await saveRoutingSettings({ db, portalId: portal.id, settings });
    const started = Date.now();
    await until('number=79151234567&ext=101', 'gw_beeline');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
