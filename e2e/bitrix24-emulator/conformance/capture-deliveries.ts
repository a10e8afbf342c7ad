/** A loopback HTTP endpoint that keeps the bodies the emulator posts to it, standing in for the app's event route. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type DeliveryCapture = { url: string; bodies: string[]; close: () => Promise<void> };

export async function captureDeliveries(): Promise<DeliveryCapture> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/events`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
