import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { AmiManager } from './ami-manager';
import type { AmiMessage } from './ami/ami-message';
import { CallTracking } from '../calls/call-tracking';
import type { Db } from '../db/client';

/**
 * Hostile input at the byte level, which the real Asterisk will not produce on demand: a loopback peer that speaks
 * just enough AMI to log in, then sends junk lines, binary noise, unknown events and events missing their keys.
 */
function startHostilePeer(): Promise<{ port: number; server: net.Server }> {
  const server = net.createServer((socket) => {
    socket.write('Asterisk Call Manager/11.0.0\r\n');
    socket.on('data', (chunk) => {
      const text = chunk.toString();
      const id = /ActionID: (.+)\r\n/.exec(text)?.[1];
      if (/Action: Login/.test(text)) {
        socket.write(`Response: Success\r\nActionID: ${id}\r\nMessage: Authentication accepted\r\n\r\n`);
        socket.write('\u0000\u0001\u00ff garbage without colon\r\n\r\n');
        socket.write('Event: TotallyUnknown\r\nFoo: bar\r\n\r\n');
        socket.write('Event: Newchannel\r\n\r\nEvent: Hangup\r\nCause: x\r\n\r\n');
        socket.write(
          `Event: DialBegin\r\nDestUniqueid: ghost\r\n\r\nEvent: BridgeEnter\r\n${'Z'.repeat(5000)}\r\n\r\n`,
        );
        socket.write('Event: Marker\r\n\r\n');
      } else if (/Action: CoreShowChannels/.test(text)) {
        socket.write(
          `Response: Success\r\nActionID: ${id}\r\nEventList: start\r\n\r\nEvent: ` +
            `CoreShowChannelsComplete\r\nActionID: ${id}\r\nEventList: Complete\r\n\r\n`,
        );
      } else if (id) socket.write(`Response: Success\r\nActionID: ${id}\r\nPing: Pong\r\n\r\n`);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as net.AddressInfo).port, server })),
  );
}

describe('garbage from AMI', () => {
  let server: net.Server | undefined;
  afterAll(() => server?.close());

  it('is logged and skipped; events keep flowing and nothing throws', async () => {
    const peer = await startHostilePeer();
    server = peer.server;
    const logs: string[] = [];
    const manager = new AmiManager({
      pbx: { name: 'hostile', host: '127.0.0.1', port: peer.port, user: 'u', secret: 's' },
      log: (l) => logs.push(l),
    });
    // No database needed: none of these events makes a call worth journaling.
    const tracking = new CallTracking({ manager, db: {} as Db, log: (l) => logs.push(l) });
    const marker = new Promise<void>((resolve) =>
      manager.on('event', (e: AmiMessage) => e.Event === 'Marker' && resolve()),
    );
    manager.start();
    await manager.waitConnected(3000);
    await marker;
    expect(manager.status().connected).toBe(true);
    expect(logs.some((l) => l.includes('malformed AMI line'))).toBe(true);
    expect(logs.some((l) => l.includes('skipped AMI event: Newchannel without'))).toBe(true);
    expect(tracking.state.calls.size).toBe(0);
    manager.stop();
  });
});
