import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCarrierLookupService, type LookupServiceAnswer } from './create-carrier-lookup-service';

// A local HTTP service in the shape of Exolve's HLR API (POST {"number"} → {"owner_id"}): the real one needs the
// internet and a contract, so it stands in for it over loopback.
let server: http.Server;
let url: string;
const asked: string[] = [];
let inFlight = 0;
let maxInFlight = 0;
let authorization: string | undefined;

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      authorization = req.headers.authorization;
      const { number } = JSON.parse(body) as { number: string };
      asked.push(number);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        if (number.endsWith('0')) res.writeHead(500).end('down');
        else if (number.endsWith('9'))
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ owner_id: 'mSOMEONE' }));
        else
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ number: Number(number), owner_id: 'mMTS', mnp: true }));
      }, 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hlr`;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await new Promise((resolve) => server.close(resolve));
});

describe('createCarrierLookupService', () => {
  it('never makes the caller wait, and turns owner ids into ИНН', async () => {
    const answers: LookupServiceAnswer[] = [];
    const lookupService = createCarrierLookupService({
      url,
      token: 'secret-token',
      onAnswer: (a) => void answers.push(a),
    });
    const started = performance.now();
    const returned = lookupService.request('79161234561');
    expect(returned).toBeUndefined();
    expect(answers).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000); // sanity, not a timing claim: the answer comes 20 ms later
    await lookupService.idle();
    expect(answers).toEqual([{ e164: '79161234561', inn: '7740000076', ownerId: 'mMTS' }]);
    expect(authorization).toBe('Bearer secret-token');
  });

  it('asks for a number once within the quiet period, failed or not', async () => {
    asked.length = 0;
    const answers: LookupServiceAnswer[] = [];
    const lookupService = createCarrierLookupService({ url, onAnswer: (a) => void answers.push(a) });
    lookupService.request('79161234562');
    lookupService.request('79161234562');
    lookupService.request('79161234560'); // the service fails for it
    lookupService.request('79161234560');
    await lookupService.idle();
    expect(asked.sort()).toEqual(['79161234560', '79161234562']);
    expect(answers.map((a) => a.e164)).toEqual(['79161234562']);
  });

  it('ignores answers naming an operator it cannot map to an ИНН', async () => {
    const answers: LookupServiceAnswer[] = [];
    const lookupService = createCarrierLookupService({ url, onAnswer: (a) => void answers.push(a) });
    lookupService.request('79161234569');
    await lookupService.idle();
    expect(answers).toEqual([]);
  });

  it('keeps to its concurrency and drops requests beyond the queue limit', async () => {
    asked.length = 0;
    maxInFlight = 0;
    const lookupService = createCarrierLookupService({ url, onAnswer: () => {}, concurrency: 2, maxQueued: 5 });
    for (let i = 0; i < 20; i += 1) lookupService.request(`7916000${String(i).padStart(4, '0')}1`);
    await lookupService.idle();
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(asked.length).toBeLessThan(20);
    expect(asked.length).toBeGreaterThanOrEqual(5);
  });

  it('survives a service that is down', async () => {
    const lookupService = createCarrierLookupService({
      url: 'http://127.0.0.1:1/hlr',
      onAnswer: () => {},
      timeoutMs: 500,
    });
    lookupService.request('79161234563');
    await expect(lookupService.idle()).resolves.toBeUndefined();
  });
});
