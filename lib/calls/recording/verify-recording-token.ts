import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors/app-error';
import { recordingSignature, type RecordingTokenClaims } from './sign-recording-token';

export type VerifyRecordingTokenOptions = { secret: Buffer; token: string; now?: number };

const SHAPE = /^([A-Za-z0-9_-]{4,400})\.([A-Za-z0-9_-]{32})$/;
const CLAIMS = /^(\d{1,9}):(\d{1,12}):([A-Za-z0-9._:-]{1,100})$/;

/** The token's portal and call when its signature holds and it has not expired; otherwise a 403, nothing said why. */
export function verifyRecordingToken({
  secret,
  token,
  now = Date.now(),
}: VerifyRecordingTokenOptions): RecordingTokenClaims {
  const refused = () => new AppError('FORBIDDEN', 'The recording token is not valid for this call');
  const parts = SHAPE.exec(token);
  if (!parts) throw refused();
  const expected = Buffer.from(recordingSignature(secret, parts[1]!));
  const given = Buffer.from(parts[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused();
  const claims = CLAIMS.exec(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  if (!claims) throw refused();
  const expiresAt = Number(claims[2]);
  if (expiresAt * 1000 < now) throw refused();
  return { portalId: Number(claims[1]), linkedId: claims[3]!, expiresAt };
}
