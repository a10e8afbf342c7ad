import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { startDialplanListener } from './start-dialplan-listener';

/**
 * The listener's own HTTP handling (it speaks HTTP/1.x over `net`, see start-dialplan-listener.ts): what real clients
 * send is answered, anything else gets a status and a closed connection — never a hang, never a crash.
 */
describe('the dialplan listener over HTTP', () => {
  let test: TestDatabase;
  let server: net.Server;
  let port: number;

  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    await seedDemoPortal({ db: test.db() });
    process.env.DATABASE_URL = `file:${test.database.kind === 'sqlite' ? test.database.file : ''}`;
    server = startDialplanListener({ listen: '127.0.0.1:0', readSimLoad: async () => null })!;
    if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await test?.dispose();
  });

  /** Sends the pieces with a pause between them and returns everything the server wrote before closing. */
  function exchange(...pieces: string[]): Promise<string> {
    return exchangeFrom('127.0.0.1', ...pieces);
  }
  function exchangeFrom(localAddress: string, ...pieces: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host: '127.0.0.1', localAddress });
      let reply = '';
      socket.setEncoding('utf8');
      socket.on('data', (text: string) => (reply += text));
      socket.on('end', () => resolve(reply));
      socket.on('error', reject);
      socket.on('connect', async () => {
        for (const piece of pieces) {
          socket.write(piece);
          await new Promise((r) => setTimeout(r, 20));
        }
      });
    });
  }
  const get = (target: string, ...headers: string[]) =>
    [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1', ...headers, '', ''].join('\r\n');

  it('answers a keep-alive client (fetch) and tells it the connection closes', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/asterisk/route?number=79151234567&ext=101`);
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('gw_mts');
    const dial = await fetch(`http://127.0.0.1:${port}/api/asterisk/route?number=89151234567&ext=101&format=dial`);
    expect(await dial.text()).toBe('PJSIP/79151234567@gw_mts');
  });

  it('answers JSON with Cyrillic reasons, its length in bytes', async () => {
    const reply = await exchange(
      get('/api/asterisk/route?number=79151234567&ext=101&lang=ru', 'Accept: application/json'),
    );
    const [head, body] = reply.split('\r\n\r\n');
    expect(head).toContain('HTTP/1.1 200 OK');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body!)}`);
    expect(JSON.parse(body!)).toMatchObject({ target: 'gw_mts', dial: 'PJSIP/79151234567@gw_mts' });
    expect(body).toContain('МТС');
  });

  it('reads a head that arrives in pieces', async () => {
    const request = get('/api/asterisk/route?number=79151234567&ext=201');
    const reply = await exchange(request.slice(0, 7), request.slice(7, 40), request.slice(40));
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\ngw_hr2$/);
  });

  it.each([
    ['garbage', 'hello\r\n\r\n', '400 Bad Request', 'ERROR BAD_REQUEST'],
    [
      'a body',
      `${get('/api/asterisk/route?number=79151234567', 'Content-Length: 3')}abc`,
      '400 Bad Request',
      'ERROR BAD_REQUEST',
    ],
    ['another path', get('/api/other?number=79151234567'), '404 Not Found', 'ERROR NOT_FOUND'],
    [
      'another method',
      'POST /api/asterisk/route?number=79151234567 HTTP/1.1\r\nContent-Length: 0\r\n\r\n',
      '404 Not Found',
      'ERROR NOT_FOUND',
    ],
    ['no number', get('/api/asterisk/route?ext=101'), '400 Bad Request', 'ERROR INVALID_INPUT'],
    [
      'a head over 8 KB, never ended',
      `GET / HTTP/1.1\r\nX-Pad: ${'a'.repeat(9_000)}`,
      '431 Request Header Fields Too Large',
      'ERROR HEADERS_TOO_LARGE',
    ],
  ])('refuses %s with a status and closes', async (_name, request, status, body) => {
    const reply = await exchange(request);
    expect(reply.startsWith(`HTTP/1.1 ${status}\r\n`)).toBe(true);
    expect(reply.endsWith(`\r\n\r\n${body}`)).toBe(true);
  });

  it('checks the secret of a peer from elsewhere before anything else in its request', async () => {
    // 127.0.0.2 is on this machine, but the listener trusts only 127.0.0.1 and ::1 without the secret.
    for (const request of [get('/api/other?number=79151234567'), 'hello\r\n\r\n', get('/api/asterisk/route?ext=101')]) {
      expect(await exchangeFrom('127.0.0.2', request)).toMatch(
        /^HTTP\/1\.1 (401|503) [^\r]*\r\n[\s\S]*ERROR (UNAUTHORIZED|UNAVAILABLE)$/,
      );
    }
  });

  it('cuts off a head that keeps trickling in, even from the address of the PBX', async () => {
    const socket = net.connect(port, '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let reply = '';
      socket.on('data', (chunk: Buffer) => (reply += chunk.toString('latin1')));
      socket.once('close', () => resolve(reply));
    });
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    // Forty bytes of a head that never ends, one every 200 ms: each byte alone is quick, the head as a whole is not.
    let sent = 0;
    for (; sent < 40 && !socket.destroyed; sent += 1) {
      socket.write('GET /api/asterisk/route?number=7915123'.charAt(sent) || 'x');
      await new Promise((r) => setTimeout(r, 200));
    }
    socket.destroy();
    expect(await closed).toBe('');
    expect(sent).toBeLessThan(40);
  }, 15_000);

  it('answers the PBX while 1,100 slow sockets from other addresses trickle their heads a byte at a time', async () => {
    const SOCKETS = 1_100;
    // 127.0.0.2 … 127.0.0.201, 5–6 sockets each: under the per-address cap, so only the PBX's reserve can hold.
    const ADDRESSES = 200;
    const MAX_OPENS = 8_000;
    const open = new Set<net.Socket>();
    let opens = 0;
    let connected = 0;
    let cutOff = 0;
    let stopped = false;
    const attack = (slot: number) => {
      if (stopped || opens >= MAX_OPENS) return;
      opens += 1;
      const socket = net.connect({ port, host: '127.0.0.1', localAddress: `127.0.0.${2 + (slot % ADDRESSES)}` });
      open.add(socket);
      let trickle: NodeJS.Timeout | undefined;
      socket.on('error', () => {});
      socket.on('data', () => {});
      socket.once('connect', () => {
        connected += 1;
        socket.write('G');
        trickle = setInterval(() => socket.write('E'), 300);
      });
      socket.once('close', () => {
        clearInterval(trickle);
        open.delete(socket);
        if (stopped) return;
        cutOff += 1;
        // A determined client comes straight back, as a slowloris tool does.
        setTimeout(() => attack(slot), 200);
      });
    };
    try {
      for (let slot = 0; slot < SOCKETS; slot += 1) attack(slot);
      for (let i = 0; i < 200 && connected < SOCKETS; i += 1) await new Promise((r) => setTimeout(r, 25));
      const answers: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const reply = await exchange(get('/api/asterisk/route?number=79151234567&ext=101'));
        answers.push(reply.slice(reply.indexOf('\r\n\r\n') + 4));
        await new Promise((r) => setTimeout(r, 400));
      }
      expect(answers).toEqual(Array(5).fill('gw_mts'));
      // Their heads never end: the server cut them off (and they came back) rather than keeping them.
      expect(cutOff).toBeGreaterThan(0);
    } finally {
      stopped = true;
      for (const socket of open) socket.destroy();
    }
  }, 30_000);

  it('keeps answering after all of that', async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/api/asterisk/route?number=79151234567&ext=101`)).text()).toBe(
      'gw_mts',
    );
  });
});
