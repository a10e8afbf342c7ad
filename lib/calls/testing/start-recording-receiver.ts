import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { receiveCallRecording } from '../recording';

export type RecordingReceiver = { url: string; answers: number[]; close(): void };

/**
 * What app/api/asterisk/recording does, on a port of its own (the tests run no Next.js): the PBX's post-recording
 * command uploads here over HTTP, exactly as it would to the app on another host.
 */
export async function startRecordingReceiver(db: Db): Promise<RecordingReceiver> {
  const answers: number[] = [];
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').searchParams.get('name') ?? '';
    receiveCallRecording({
      db,
      token: String(request.headers['x-b24-recording-token'] ?? ''),
      fileName: name,
      body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
      maxBytes: 50 * 1024 * 1024,
      timeoutMs: 60_000,
    })
      .then((received) => ({ status: 200, body: `OK ${received.outcome}` }))
      .catch((error: unknown) =>
        AppError.is(error)
          ? { status: error.status, body: `ERROR ${error.code}` }
          : { status: 500, body: String(error) },
      )
      .then(({ status, body }) => {
        answers.push(status);
        response.writeHead(status, { 'Content-Type': 'text/plain' }).end(body);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/asterisk/recording`;
  return { url, answers, close: () => server.close() };
}
