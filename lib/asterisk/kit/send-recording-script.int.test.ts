import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { receiveCallRecording } from '../../calls/recording/receive-call-recording';
import { recordingSecret } from '../../calls/recording/recording-secret';
import { signRecordingToken } from '../../calls/recording/sign-recording-token';
import { seedDemoPortal } from '../../routing/settings/seed-demo-portal';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, 'b24-send-recording.sh');
const SECONDS = 3;

/** What MixMonitor leaves: a WAV of 8 kHz 16-bit mono, here a 440 Hz tone (silence would encode to almost nothing). */
function toneWav(seconds: number): Buffer {
  const samples = seconds * 8000;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(16_000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)), 44 + i * 2);
  return wav;
}

/**
 * The PBX side of a recording upload (lib/asterisk/kit/b24-send-recording.sh, MixMonitor's post-recording command),
 * run as the PBX runs it, against the app's upload logic behind a loopback HTTP server: mp3 when lame is installed
 * (Debian's lame on this host), wav when neither lame nor sox is on the PATH. The test PBX has neither, so its own
 * recordings (recording.int.test.ts) are the wav case on Asterisk.
 */
describe('b24-send-recording: mp3 when lame is there, wav otherwise', () => {
  let test: TestDatabase;
  let portalId: number;
  let server: Server;
  let url: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'b24-send-recording-'));
  const uploads: Array<{ type: string; name: string; outcome: string }> = [];
  let uploaded: (() => void) | null = null;

  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    const db = test.db();
    ({ portalId } = await seedDemoPortal({ db }));
    await db.portal.update({ where: { id: portalId }, data: { status: 'active' } });
    for (const linkedId of ['mp3-call', 'wav-call'])
      await db.call.create({
        data: {
          portalId,
          linkedId,
          b24CallId: `B24-${linkedId}`,
          direction: 'inbound',
          origin: 'incoming',
          number: '79151234567',
        },
      });
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const name = new URL(request.url ?? '/', 'http://x').searchParams.get('name') ?? '';
      const received = await receiveCallRecording({
        db,
        token: String(request.headers['x-b24-recording-token'] ?? ''),
        fileName: name,
        body: new Blob([Buffer.concat(chunks)]).stream(),
        maxBytes: 10 * 1024 * 1024,
        timeoutMs: 5000,
      }).catch((error: Error) => ({ outcome: `refused: ${error.message}` }));
      uploads.push({ type: String(request.headers['content-type']), name, outcome: received.outcome });
      response.end('OK');
      uploaded?.();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/asterisk/recording`;
  });
  afterAll(async () => {
    server?.close();
    await test?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function send(linkedId: string, pathVariable: string) {
    const file = path.join(dir, `${linkedId}.wav`);
    writeFileSync(file, toneWav(SECONDS));
    const token = signRecordingToken({
      secret: recordingSecret(),
      portalId,
      linkedId,
      expiresAt: Math.floor(Date.now() / 1000) + 60,
    });
    const done = new Promise<void>((resolve) => (uploaded = resolve));
    await run('/bin/sh', [SCRIPT, file, url, token], { env: { ...process.env, PATH: pathVariable } });
    await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('no upload')), 15_000))]);
    const message = await test.db().outboxMessage.findFirstOrThrow({
      where: { method: 'telephony.externalcall.attachRecord', dedupeKey: { contains: linkedId } },
    });
    const params = message.params as { FILENAME?: string; FILE_CONTENT: string };
    return { file, upload: uploads.at(-1)!, params, bytes: Buffer.from(params.FILE_CONTENT, 'base64') };
  }

  it('lame installed: an mp3 of the same length reaches attachRecord, and the mp3 made for it is removed', async () => {
    const { file, upload, params, bytes } = await send('mp3-call', '/usr/bin:/bin');
    expect(upload).toEqual({ type: 'audio/mpeg', name: 'mp3-call.mp3', outcome: 'attached' });
    expect(params.FILENAME).toMatch(/\.mp3$/);
    expect(bytes.length).toBeLessThan(toneWav(SECONDS).length / 2);
    const mp3 = path.join(dir, 'check.mp3');
    writeFileSync(mp3, bytes);
    await run('lame', ['--quiet', '--decode', mp3, path.join(dir, 'check.wav')]);
    const decoded = readFileSync(path.join(dir, 'check.wav'));
    const seconds = (decoded.length - 44) / decoded.readUInt32LE(28);
    expect(Math.abs(seconds - SECONDS)).toBeLessThan(0.2);
    await waitFor(() => !existsSync(file.replace(/\.wav$/, '.mp3')));
    expect(existsSync(file)).toBe(true);
  });

  it('neither lame nor sox: the wav itself', async () => {
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    for (const tool of ['curl', 'basename', 'rm']) symlinkSync(`/usr/bin/${tool}`, path.join(bin, tool));
    const { upload, params, bytes } = await send('wav-call', bin);
    expect(upload).toEqual({ type: 'audio/wav', name: 'wav-call.wav', outcome: 'attached' });
    expect(params.FILENAME).toMatch(/\.wav$/);
    expect(bytes.equals(toneWav(SECONDS))).toBe(true);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(condition()).toBe(true);
}
