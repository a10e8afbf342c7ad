/**
 * A child process for the crash test: answers one Bitrix24 event as the events route would, prints the answer, then
 * starts the after-reply work with a PBX that never answers — and waits to be killed.
 */
import { receiveB24Event } from '../../bitrix24/events/receive-b24-event';
import { parseBracketBody } from '../../bitrix24/parse-bracket-body';
import { createDb } from '../../db/client';

const [file = '', body = ''] = process.argv.slice(2);
const db = createDb({ database: { kind: 'sqlite', file } });
const outcome = await receiveB24Event({
  body: parseBracketBody(body),
  db,
  log: () => undefined,
  placeCall: () => new Promise(() => undefined),
});
process.stdout.write(`ANSWERED ${outcome.status}\n`);
void outcome.background?.();
setInterval(() => undefined, 60_000);
