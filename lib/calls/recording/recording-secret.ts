import { createHash, randomBytes } from 'node:crypto';
import { getConfig } from '../../config/load-config';

const holder = globalThis as typeof globalThis & { __recordingSecret?: Buffer };

/**
 * The key of the per-call upload tokens. Only the app signs and checks them (the dialplan process asks the app), so
 * a standalone install without any secret configured still works with a key made up for this process.
 */
export function recordingSecret(): Buffer {
  if (holder.__recordingSecret) return holder.__recordingSecret;
  const config = getConfig();
  const configured = config.RECORDING_SECRET ?? config.B24_CLIENT_SECRET ?? config.DIALPLAN_SECRET;
  holder.__recordingSecret = configured
    ? createHash('sha256').update(`b24-recording:${configured}`).digest()
    : randomBytes(32);
  return holder.__recordingSecret;
}
