import { AppError } from '../../errors/app-error';
import type { AmiActionFields } from './ami-message';

/**
 * Encodes an action. Lists become repeated header lines (`Variable: A=1` then `Variable: B=2`): asterisk-ami-client
 * joins them with commas, and Asterisk then cuts any value that contains a comma.
 * A CR or LF inside a name or value would let the caller inject extra headers or a whole second action, so it is
 * refused rather than escaped (AMI has no escaping).
 */
export function serializeAmiAction(fields: AmiActionFields): string {
  let text = '';
  for (const name of Object.keys(fields)) {
    const value = fields[name];
    if (value === undefined) continue;
    if (!/^[A-Za-z0-9_()-]+$/.test(name))
      throw new AppError('INVALID_INPUT', `AMI header name not allowed: ${JSON.stringify(name)}`);
    const values = Array.isArray(value) ? value : [String(value)];
    for (const item of values) {
      if (/[\r\n]/.test(item)) throw new AppError('INVALID_INPUT', `AMI header ${name} contains a line break`);
      text += `${name}: ${item}\r\n`;
    }
  }
  return `${text}\r\n`;
}
