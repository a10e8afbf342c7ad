import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { log } from '../../log/log';
import { attachRecordingInBitrix24 } from '../registration/attach-recording-in-bitrix24';
import { readUploadBody } from './read-upload-body';
import { recordingSecret } from './recording-secret';
import { verifyRecordingToken } from './verify-recording-token';

/** The journal event of a recording the PBX delivered; a second upload of the same call finds it and changes nothing. */
export const RECORDING_RECEIVED_EVENT = 'recording_received';

export type ReceiveCallRecordingOptions = {
  db: Db;
  /** X-B24-Recording-Token: issued for this call by issueRecordingToken. */
  token: string;
  /** The file's name on the PBX (ours: <call>.wav; FreePBX's: its CALLFILENAME), mp3 or wav. */
  fileName: string;
  body: ReadableStream<Uint8Array> | null;
  maxBytes: number;
  timeoutMs: number;
  now?: number;
};

export type ReceivedRecording = { outcome: 'attached' | 'duplicate' | 'not_in_bitrix24'; bytes: number };

const FILE_NAME = /^[A-Za-z0-9._-]{1,120}\.(wav|mp3)$/i;
/** A WAV header alone is 44 bytes: a file no larger holds no audio. */
const EMPTY_WAV_BYTES = 44;

/**
 * The PBX's post-recording command hands a closed recording over (the app never reads the PBX's disk): the token
 * proves the portal and the call, the body is capped in size and time, and the file is handed to Bitrix24 once
 * (attachRecord through the outbox), however often the PBX retries.
 */
export async function receiveCallRecording(options: ReceiveCallRecordingOptions): Promise<ReceivedRecording> {
  const { db, fileName } = options;
  const { portalId, linkedId } = verifyRecordingToken({
    secret: recordingSecret(),
    token: options.token,
    now: options.now,
  });
  if (!FILE_NAME.test(fileName))
    throw new AppError('INVALID_INPUT', 'A recording must be a .wav or .mp3 file', { name: 'format' });
  const call = await db.call.findUnique({ where: { linkedId }, select: { id: true, portalId: true } });
  if (!call || call.portalId !== portalId) throw new AppError('NOT_FOUND', 'No such call in the journal');
  const received = await db.callEvent.findFirst({ where: { callId: call.id, kind: RECORDING_RECEIVED_EVENT } });
  if (received) {
    await options.body?.cancel().catch(() => undefined);
    return { outcome: 'duplicate', bytes: 0 };
  }
  const file = await readUploadBody({ body: options.body, maxBytes: options.maxBytes, timeoutMs: options.timeoutMs });
  if (file.length <= EMPTY_WAV_BYTES) throw new AppError('INVALID_INPUT', 'The recording is empty', { body: 'empty' });
  const portal = await db.portal.findUnique({ where: { id: portalId }, select: { status: true } });
  const attached =
    portal?.status === 'active' &&
    (await attachRecordingInBitrix24({ db, portalId, linkedId, fileName, contentBase64: file.toString('base64') }));
  await db.callEvent.create({
    data: { callId: call.id, kind: RECORDING_RECEIVED_EVENT, payload: { fileName, bytes: file.length, attached } },
  });
  log.info('calls: recording received', { linkedId, fileName, bytes: file.length, attached });
  return { outcome: attached ? 'attached' : 'not_in_bitrix24', bytes: file.length };
}
