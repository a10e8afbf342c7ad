import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeAmi } from './probe-ami';

// A throwaway TCP server on loopback stands in for the greeting only; the real AMI is covered by integration tests.
const servers: net.Server[] = [];
function serve(greeting: string | null): Promise<number> {
  const server = net.createServer((socket) => {
    if (greeting !== null) socket.write(greeting);
  });
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
}
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

describe('probeAmi', () => {
  it('accepts an AMI greeting', async () => {
    const port = await serve('Asterisk Call Manager/11.0.0\r\n');
    const probe = await probeAmi({ host: '127.0.0.1', port });
    expect(probe).toMatchObject({ reachable: true, banner: 'Asterisk Call Manager/11.0.0' });
  });

  it('rejects another protocol', async () => {
    const port = await serve('SSH-2.0-OpenSSH\r\n');
    expect((await probeAmi({ host: '127.0.0.1', port })).reachable).toBe(false);
  });

  it('gives up on a silent peer', async () => {
    const port = await serve(null);
    const probe = await probeAmi({ host: '127.0.0.1', port, timeoutMs: 100 });
    expect(probe).toMatchObject({ reachable: false });
    expect(probe.error).toMatch(/no AMI greeting/);
  });

  it('reports a closed port', async () => {
    const port = await serve(null);
    for (const s of servers.splice(0)) s.close();
    expect((await probeAmi({ host: '127.0.0.1', port })).reachable).toBe(false);
  });
});
