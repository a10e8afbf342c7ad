import { createHmac } from 'node:crypto';

export type SignRecordingTokenOptions = {
  secret: Buffer;
  portalId: number;
  linkedId: string;
  /** Epoch seconds after which the PBX's upload is refused. */
  expiresAt: number;
};

/** What a token proves, once checked (verifyRecordingToken). */
export type RecordingTokenClaims = { portalId: number; linkedId: string; expiresAt: number };

/**
 * A call's upload token: `<claims>.<signature>`, both base64url, so it passes the dialplan's FILTER, a shell's single
 * quotes and an HTTP header unchanged. It names the portal and the call (Linkedid): the uploaded file can only ever
 * be attached to the call it was issued for.
 */
export function signRecordingToken({ secret, portalId, linkedId, expiresAt }: SignRecordingTokenOptions): string {
  const claims = Buffer.from(`${portalId}:${expiresAt}:${linkedId}`).toString('base64url');
  return `${claims}.${recordingSignature(secret, claims)}`;
}

export function recordingSignature(secret: Buffer, claims: string): string {
  return createHmac('sha256', secret).update(`rec1:${claims}`).digest('base64url').slice(0, 32);
}
