import { createDelegableLoad } from '../../cache/create-delegable-load';
import type { Db } from '../../db/client';
import { recordingSecret } from './recording-secret';
import { shouldRecordCall } from './should-record-call';
import { signRecordingToken } from './sign-recording-token';

export type RecordingRequest = {
  portalId: number;
  /** The client's number (any format) and the manager, as the whitelists and the never-record list know them. */
  number: string;
  extension?: string | null;
  b24UserId?: number | null;
  /** The call's Linkedid: the one call the recording may be attached to. */
  linkedId: string;
};

/** Long enough for the longest call plus the upload's retries; short enough that a leaked token soon goes stale. */
const TOKEN_LIFETIME_SECONDS = 24 * 3600;

/**
 * The upload token for a call the PBX should record, or null when it must not be recorded. Issued where the
 * recording starts: on the Originate (click-to-call, callbacks) and by the dialplan's `format=record` question (desk
 * phones, incoming calls), whose process has the app sign it (the key never leaves the app).
 */
export async function issueRecordingToken(db: Db, request: RecordingRequest): Promise<string | null> {
  if (!(await shouldRecordCall({ db, ...request }))) return null;
  const expiresAt = Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS;
  return signRecordingToken({
    secret: recordingSecret(),
    portalId: request.portalId,
    linkedId: request.linkedId,
    expiresAt,
  });
}

/** The same, from any process: the dialplan process hands it to the app (lib/dialplan/loads-run-in-app.ts). */
export const issueRecordingTokenAnywhere = createDelegableLoad(issueRecordingToken);
