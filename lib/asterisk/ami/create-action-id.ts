import { randomBytes } from 'node:crypto';

/**
 * ActionIDs unique for the life of the process and across processes sharing one AMI: a random per-process prefix plus
 * a counter. asterisk-ami-client uses Date.now(), so two actions in one millisecond got each other's replies.
 */
const prefix = `app-${process.pid}-${randomBytes(3).toString('hex')}`;
let sequence = 0;

export function createActionId(): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}
