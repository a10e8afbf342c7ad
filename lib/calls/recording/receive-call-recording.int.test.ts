import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJournalFilters } from '../../journal/journal-filters';
import { queryJournal } from '../../journal/query-journal';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { seedDemoPortal } from '../../routing/settings/seed-demo-portal';
import { expectRecording, RECORDING_MISSING_EVENT } from './expect-recording';
import { receiveCallRecording } from './receive-call-recording';
import { recordingSecret } from './recording-secret';
import { signRecordingToken } from './sign-recording-token';

/** A WAV of `seconds` of 8 kHz 16-bit silence: what MixMonitor writes, as a stream like an HTTP body. */
const wav = (seconds: number) => Buffer.alloc(44 + seconds * 16_000);
const stream = (bytes: Buffer, chunk = 64 * 1024) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += chunk) controller.enqueue(bytes.subarray(at, at + chunk));
      controller.close();
    },
  });
const never = () => new ReadableStream<Uint8Array>({ start() {} });

/** The upload endpoint's logic on SQLite: the token, the caps, once per call. No PBX needed. */
describe('receiveCallRecording', () => {
  let test: TestDatabase;
  let portalId: number;
  const token = (linkedId: string, expiresAt = Math.floor(Date.now() / 1000) + 60) =>
    signRecordingToken({ secret: recordingSecret(), portalId, linkedId, expiresAt });
  const receive = (options: {
    token: string;
    fileName?: string;
    body: ReadableStream<Uint8Array>;
    maxBytes?: number;
  }) =>
    receiveCallRecording({
      db: test.db(),
      fileName: 'b24-call.wav',
      maxBytes: 1024 * 1024,
      timeoutMs: 300,
      ...options,
    });

  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    const db = test.db();
    ({ portalId } = await seedDemoPortal({ db }));
    await db.portal.update({ where: { id: portalId }, data: { status: 'active' } });
    for (const linkedId of ['c1', 'c2', 'c3'])
      await db.call.create({
        data: {
          portalId,
          linkedId,
          b24CallId: `B24-${linkedId}`,
          direction: 'outbound',
          origin: 'click_to_call',
          number: '79151234567',
        },
      });
  });
  afterAll(async () => test?.dispose());

  it('attaches the file once, however often the PBX sends it', async () => {
    const first = await receive({ token: token('c1'), body: stream(wav(3)) });
    const again = await receive({ token: token('c1'), body: stream(wav(3)) });
    expect([first.outcome, again.outcome]).toEqual(['attached', 'duplicate']);
    const messages = await test
      .db()
      .outboxMessage.findMany({ where: { method: 'telephony.externalcall.attachRecord' } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.dedupeKey).toBe('record:finish:B24-c1');
    expect(Buffer.from(String((messages[0]!.params as { FILE_CONTENT: string }).FILE_CONTENT), 'base64').length).toBe(
      44 + 3 * 16_000,
    );
  });

  it.each([
    ['a token for another call', () => ({ token: token('c9'), body: stream(wav(1)) }), 'NOT_FOUND'],
    ['an expired token', () => ({ token: token('c2', 1000), body: stream(wav(1)) }), 'FORBIDDEN'],
    ['no token', () => ({ token: '', body: stream(wav(1)) }), 'FORBIDDEN'],
    [
      'a name that is not wav/mp3',
      () => ({ token: token('c2'), fileName: 'x.sh', body: stream(wav(1)) }),
      'INVALID_INPUT',
    ],
    ['a header-only WAV', () => ({ token: token('c2'), body: stream(wav(0)) }), 'INVALID_INPUT'],
    ['a file over the cap', () => ({ token: token('c2'), body: stream(wav(100)) }), 'PAYLOAD_TOO_LARGE'],
    ['a body that never ends', () => ({ token: token('c2'), body: never() }), 'UNAVAILABLE'],
  ])('refuses %s, and nothing changes', async (_name, options, code) => {
    await expect(receive(options())).rejects.toMatchObject({ code });
    const call = await test.db().call.findUniqueOrThrow({ where: { linkedId: 'c2' }, include: { events: true } });
    expect(call.events).toHaveLength(0);
  });

  it('a recording that never comes is journalled as missing once; one that came is not', async () => {
    const db = test.db();
    const [c1, c3] = await Promise.all(
      ['c1', 'c3'].map((linkedId) => db.call.findUniqueOrThrow({ where: { linkedId } })),
    );
    for (const call of [c1!, c3!, c3!]) expectRecording({ db, callId: call.id, linkedId: call.linkedId, waitMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const missing = await db.callEvent.findMany({ where: { kind: RECORDING_MISSING_EVENT } });
    expect(missing.map((event) => event.callId)).toEqual([c3!.id]);
    const filters = parseJournalFilters(new URLSearchParams('range=all'));
    const { entries } = await queryJournal({ db, portalId, filters, lang: 'ru' });
    const state = new Map(entries.map((entry) => [entry.id, entry.recording]));
    expect([state.get(c1!.id), state.get(c3!.id)]).toEqual(['received', 'missing']);
  });
});
