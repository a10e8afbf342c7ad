import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { createCarrierLookupService, type CarrierLookupService } from '../numbering/carrier';
import { learnNumberCarrier } from '../numbering/store';
import { routeCall } from './route-call';
import { seedDemoPortal } from './settings/seed-demo-portal';

// An HLR service on loopback (Exolve's shape) that answers only when the test lets it: the call must not wait for it.
let server: http.Server;
let release: () => void = () => {};
const released = new Promise<void>((resolve) => (release = resolve));
let answered = 0;
let test: TestDatabase;
let portalId: number;
let lookupService: CarrierLookupService;
const holder = globalThis as typeof globalThis & { __carrierLookupService?: CarrierLookupService | null };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    void released.then(() => {
      answered += 1;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ owner_id: 'mBEELINE', mnp: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  test = await createTestDatabase({ kind: 'sqlite' });
  ({ portalId } = await seedDemoPortal({ db: test.db() }));
  lookupService = createCarrierLookupService({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hlr`,
    onAnswer: (answer) =>
      learnNumberCarrier({ db: test.db(), e164: answer.e164, inn: answer.inn, ttlMs: 3_600_000, note: 'HLR' }).then(
        () => {},
      ),
  });
  holder.__carrierLookupService = lookupService;
});
afterAll(async () => {
  holder.__carrierLookupService = undefined;
  vi.restoreAllMocks();
  await test?.dispose();
  await new Promise((resolve) => server.close(resolve));
});

describe('routeCall with a carrier lookup service', () => {
  it('routes by the registry at once, and by the learned answer from the next call on', async () => {
    const first = await routeCall({ portalId, number: '79150000007', extension: '101', db: test.db() });
    expect(first.carrier).toMatchObject({ inn: '7740000076', source: 'registry' });
    expect(answered).toBe(0); // decided while the service had not answered yet
    release();
    await lookupService.idle();
    expect(answered).toBe(1);
    const second = await routeCall({ portalId, number: '79150000007', extension: '101', db: test.db() });
    expect(second.carrier).toMatchObject({ inn: '7713076301', source: 'override' });
    expect(second.trunk?.name).toMatch(/Билайн/);
  });
});
