import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDialplanProcess } from '../../scripts/build-dialplan-process';
import type { CallTrackerState, LiveChannel } from '../calls/call-tracker-state';
import { recordingSecret } from '../calls/recording/recording-secret';
import { verifyRecordingToken } from '../calls/recording/verify-recording-token';
import { getDb } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { importRegistryFile } from '../numbering/store';
import { loadRoutingSettings } from '../routing/settings/load-routing-settings';
import { removeNumberOverride } from '../routing/settings/remove-number-override';
import { saveRoutingSettings } from '../routing/settings/save-routing-settings';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { setNumberOverride } from '../routing/settings/set-number-override';
import { startDialplanProcess, type DialplanProcess } from './start-dialplan-process';

// One database for the file: the reads the dialplan process asks for run here, on this process's own client, which is
// made once from DATABASE_URL.
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase({ kind: 'sqlite' });
  await seedDemoPortal({ db: test.db() });
  // The process copies this one's environment when it starts: it must see the test database.
  process.env.DATABASE_URL = `file:${test.database.kind === 'sqlite' ? test.database.file : ''}`;
});
afterAll(async () => {
  await test?.dispose();
});

/** What the production server runs: the bundle `npm run build` writes, started by plain node (no TypeScript loader). */
describe('the bundled dialplan process', () => {
  // Inside the project: the bundle resolves its packages from the project's node_modules.
  const dir = path.resolve('node_modules/.cache/b24cc-tests');
  const bundle = path.join(dir, `dialplan-process-${process.pid}.mjs`);
  let dialplan: DialplanProcess;
  // An HLR service on loopback that knows one number: 915 000-00-07 has moved to Beeline.
  const hlr = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      if (body.includes('79150000007'))
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ owner_id: 'mBEELINE' }));
      else res.writeHead(404).end();
    });
  });

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    await buildDialplanProcess({ outfile: bundle });
    await new Promise<void>((resolve) => hlr.listen(0, '127.0.0.1', resolve));
    // For this process only (a child copies the environment when it starts): the other one routes by the registry
    // alone.
    process.env.CARRIER_LOOKUP_URL = `http://127.0.0.1:${(hlr.address() as net.AddressInfo).port}/hlr`;
    try {
      dialplan = startDialplanProcess({ listen: '127.0.0.1:0', trackers: () => [], bundle })!;
    } finally {
      delete process.env.CARRIER_LOOKUP_URL;
    }
  });
  afterAll(async () => {
    await dialplan?.stop();
    await new Promise((resolve) => hlr.close(resolve));
    rmSync(bundle, { force: true });
  });

  it('answers the dialplan as the source does', async () => {
    const base = `http://127.0.0.1:${(await dialplan.listening).port}/api/asterisk/route`;
    expect(dialplan.child.spawnargs).toContain(bundle);
    expect(await (await fetch(`${base}?number=79151234567&ext=101`)).text()).toBe('gw_mts');
    expect(await (await fetch(`${base}?number=79151234567&ext=201`)).text()).toBe('gw_hr2');
  });

  it('has the app sign recording tokens: a whitelisted call gets one for its Linkedid, others NO_RECORD', async () => {
    const base = `http://127.0.0.1:${(await dialplan.listening).port}/api/asterisk/route`;
    const db = test.db();
    const { id: portalId } = await db.portal.findFirstOrThrow();
    await db.portalSettings.upsert({
      where: { portalId },
      create: { portalId, recordingEnabled: true },
      update: { recordingEnabled: true },
    });
    const entry = await db.listEntry.create({
      data: { portalId, list: 'whitelist_extension', value: '101', isPattern: false },
    });
    try {
      const ask = async (query: string) => (await fetch(`${base}?${query}&format=record`)).text();
      const token = await ask('number=79151234567&ext=101&call=pbx-1796159701.7');
      expect(verifyRecordingToken({ secret: recordingSecret(), token })).toMatchObject({
        portalId,
        linkedId: 'pbx-1796159701.7',
      });
      expect(await ask('number=79151234567&ext=102&call=pbx-1796159701.8')).toBe('NO_RECORD');
      expect(await ask('number=79151234567&ext=101&call=a%20b')).toBe('ERROR INVALID_INPUT');
    } finally {
      await db.listEntry.delete({ where: { id: entry.id } });
      await db.portalSettings.update({ where: { portalId }, data: { recordingEnabled: false } });
    }
  });

  it('has no database client of its own: Prisma is not in it', () => {
    const code = readFileSync(bundle, 'utf8');
    expect(code).toContain('The dialplan process has no database client');
    expect(code).not.toMatch(/from ["']@prisma\//);
    expect(code).not.toContain('generated/sqlite');
  });

  it('asks the lookup service itself, and has this process store the answer: the next call routes by it', async () => {
    const base = `http://127.0.0.1:${(await dialplan.listening).port}/api/asterisk/route`;
    const ask = async () => (await fetch(`${base}?number=79150000007&ext=101`)).text();
    expect(await ask()).toBe('gw_mts'); // by the registry: the call does not wait for the service
    let answer = '';
    for (let i = 0; i < 100 && answer !== 'gw_beeline'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await ask();
    }
    expect(answer).toBe('gw_beeline');
    expect(await getDb().numberOverride.findFirst({ where: { number: { endsWith: '9150000007' } } })).toMatchObject({
      inn: '7713076301',
      source: 'learned',
    });
  });

  it('routes by a registry file imported in this process, built here and sent over', async () => {
    const base = `http://127.0.0.1:${(await dialplan.listening).port}/api/asterisk/route`;
    // 915 000-00-00…499-99-99 moves from MTS to Beeline (ИНН 7713076301); its MTS calls must now leave through Beeline.
    const lines = readFileSync('data/registry/DEF-9xx.csv', 'utf8').split('\n');
    const row = lines.findIndex((line) => line.startsWith('915;0000000;4999999;'));
    lines[row] =
      '915;0000000;4999999;5000000;ПАО "ВЫМПЕЛКОМ";г. Москва и Московская область;' +
      'Город Москва, Московская область;7713076301';
    const routedBy = async (text: string, expected: string) => {
      const chunks = (async function* () {
        yield Buffer.from(text, 'utf8');
      })();
      expect((await importRegistryFile({ chunks, fileName: 'DEF-9xx.csv', source: 'file', db: getDb() })).outcome).toBe(
        'activated',
      );
      let answer = '';
      for (let i = 0; i < 100 && answer !== expected; i += 1) {
        answer = await (await fetch(`${base}?number=79151234567&ext=101`)).text();
        if (answer !== expected) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(answer).toBe(expected);
    };
    await routedBy(lines.join('\n'), 'gw_beeline');
    // And back: the other tests of this file route by the registry as shipped.
    await routedBy(readFileSync('data/registry/DEF-9xx.csv', 'utf8'), 'gw_mts');
  });
});

/**
 * The dialplan listener as the server runs it: in its own process, with its own caches, told by this process
 * which SIMs are in use. The trackers here are plain state (what the AMI tracking would hold), so the test needs no
 * calls; the PBX only has to be configured (AMI_* from `npm run peers -- up`), as in production.
 */
describe('the dialplan process', () => {
  let dialplan: DialplanProcess;
  let base: string;
  const channels = new Map<string, LiveChannel>();
  const tracker = {
    pbxName: 'pbx',
    channels,
    calls: new Map(),
    devices: new Map(),
  } as unknown as CallTrackerState;
  const ask = async (query: string) => (await fetch(`${base}?${query}`)).text();
  async function until(query: string, expected: string, tries = 100): Promise<void> {
    for (let i = 0; i < tries && (await ask(query).catch(() => '')) !== expected; i += 1)
      await new Promise((r) => setTimeout(r, 50));
    expect(await ask(query)).toBe(expected);
  }

  beforeAll(async () => {
    // A fixed port, as in production: a restarted process must listen where the dialplan asks.
    dialplan = startDialplanProcess({ listen: `127.0.0.1:${await freePort()}`, trackers: () => [tracker] })!;
    base = `http://127.0.0.1:${(await dialplan.listening).port}/api/asterisk/route`;
    await until('number=79151234567&ext=101', 'gw_mts');
  });
  afterAll(async () => {
    await dialplan?.stop();
  });

  it('answers from its own process exactly as the route decides (text for CURL(), JSON with reasons)', async () => {
    expect(await ask('number=79151234567&ext=201')).toBe('gw_hr2');
    const json = JSON.parse(await ask('number=79151234567&ext=101&format=json&lang=en')) as {
      target: string;
      reasonsText: string[];
    };
    expect(json.target).toBe('gw_mts');
    expect(json.reasonsText).toContain('МТС by the registry (range 915…)');
  });

  it('decides with the SIMs in use that this process sends: MTS full → Beeline, freed → MTS again', async () => {
    for (let i = 0; i < 4; i += 1)
      channels.set(`mts-${i}`, {
        uniqueid: `u${i}`,
        linkedId: `l${i}`,
        name: `PJSIP/gw_mts-${i}`,
        endpoint: 'gw_mts',
        isTrunk: true,
        bridgedAt: null,
      });
    await until('number=79151234567&ext=101', 'gw_beeline');
    channels.clear();
    await until('number=79151234567&ext=101', 'gw_mts');
  });

  it('is replaced when it dies, on the same port, and the new process is told the SIMs in use at once', async () => {
    for (let i = 0; i < 4; i += 1)
      channels.set(`mts-${i}`, {
        uniqueid: `u${i}`,
        linkedId: `l${i}`,
        name: `PJSIP/gw_mts-${i}`,
        endpoint: 'gw_mts',
        isTrunk: true,
        bridgedAt: null,
      });
    await until('number=79151234567&ext=101', 'gw_beeline');
    const killed = dialplan.child;
    killed.kill('SIGKILL');
    await new Promise((resolve) => killed.once('exit', resolve));
    expect(await ask('number=79151234567&ext=101').catch(() => 'refused')).toBe('refused');
    // Restart pause (1 s) and a cold start from source (tsx): generous, but bounded.
    await until('number=79151234567&ext=101', 'gw_beeline', 400);
    expect(dialplan.child.pid).not.toBe(killed.pid);
    channels.clear();
    await until('number=79151234567&ext=101', 'gw_mts');
  });

  it('has this process run its database reads, and gets their errors back as they were', async () => {
    const asked = new Set<string>();
    dialplan.child.on(
      'message',
      (message: { kind: string; name?: string }) => message.kind === 'load' && asked.add(message.name!),
    );
    // A portal nobody installed: the lookup runs here and fails with NOT_FOUND, which must reach the dialplan as such.
    expect(await ask('number=79151234567&ext=101&portal=not-installed')).toBe('ERROR NOT_FOUND');
    // The SIM usage is cached for a second: the next call after that has it read again — here, not in the dialplan
    // process.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await ask('number=79151234567&ext=101')).toBe('gw_mts');
    expect([...asked].sort()).toEqual(['routing-portal', 'sim-usage']);
  });

  it('answers 4xx with the code when the app ran the portal lookup in another copy of its modules', async () => {
    // The Next.js server holds several copies of a module: the AppError a copy throws must still cross as itself, or
    // every call without ROUTE_PORTAL is answered ERROR INTERNAL and leaves through the default trunk.
    vi.resetModules();
    const copy = await import('../portals/find-routing-portal');
    const db = test.db();
    const row = { clientEndpoint: '', accessToken: '', refreshToken: '', expiresAt: new Date(0) };
    await db.portal.createMany({
      data: [
        { ...row, memberId: 'first', domain: 'first.bitrix24.ru' },
        { ...row, memberId: 'second', domain: 'second.bitrix24.ru' },
        { ...row, memberId: 'gone', domain: 'gone.bitrix24.ru', status: 'uninstalled' },
      ],
    });
    copy.forgetRoutingPortals();
    try {
      await until('number=79151234567&ext=101', 'ERROR INVALID_INPUT');
      const status = async (query: string) => (await fetch(`${base}?${query}`)).status;
      expect(await status('number=79151234567&ext=101')).toBe(400);
      expect(await ask('number=79151234567&ext=101&portal=gone')).toBe('ERROR NOT_FOUND');
      expect(await status('number=79151234567&ext=101&portal=gone')).toBe(404);
    } finally {
      await db.portal.deleteMany({ where: { memberId: { in: ['first', 'second', 'gone'] } } });
      copy.forgetRoutingPortals();
    }
    await until('number=79151234567&ext=101', 'gw_mts');
  });

  it("a portal admin's override reaches the process with the portal's routing context, its removal too", async () => {
    const db = test.db();
    const portal = await db.portal.findFirstOrThrow();
    await setNumberOverride({ db, portalId: portal.id, number: '79151234568', inn: '7812014560' });
    await until('number=79151234568&ext=101', 'gw_megafon');
    await removeNumberOverride({ db, portalId: portal.id, number: '79151234568' });
    await until('number=79151234568&ext=101', 'gw_mts');
  });

  it("a settings save here reaches the dialplan process's cache at once, not after its 30 s refresh", async () => {
    const db = test.db();
    const portal = await db.portal.findFirstOrThrow();
    const settings = await loadRoutingSettings({ db, portalId: portal.id });
    const mts = settings.trunks.find((t) => t.dial === 'PJSIP/{number}@gw_mts')!;
    mts.enabled = false;
    await saveRoutingSettings({ db, portalId: portal.id, settings });
    const started = Date.now();
    await until('number=79151234567&ext=101', 'gw_beeline');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
