import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AmiMessage } from '../../asterisk/ami/ami-message';

/**
 * AMI event streams recorded from the test PBX (scripts/peers) during real click-to-calls, filtered to one call's
 * Linkedid: answered-beeline, busy-mts, transfer-megafon (101 blind-transfers the client to 102).
 */
export function loadEventStream(name: 'answered-beeline' | 'busy-mts' | 'transfer-megafon'): AmiMessage[] {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, 'streams', `${name}.json`), 'utf8')) as AmiMessage[];
}
