/**
 * One app instance for the two-instance soak (two-instances.int.test.ts), from the environment (DATABASE_URL on
 * PostgreSQL, AMI_*, B24_*, INSTANCE_ID): the same workers instrumentation.ts starts — AMI ownership with the call
 * tracking, the handed-off click-to-call claimer, the outbox, the queued-call sweeper — and the event route's logic on
 * a small HTTP server. Prints `LISTENING <port>` once it answers; lives until it is killed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { receiveB24Event } from '../../bitrix24/events/receive-b24-event';
import { startHandedOffCallClaimer } from '../../bitrix24/events/start-handed-off-call-claimer';
import { startOutboxWorker } from '../../bitrix24/outbox/start-outbox-worker';
import { parseBracketBody } from '../../bitrix24/parse-bracket-body';
import { placeCallOnConnectedPbx } from '../../calls/place-call-on-connected-pbx';
import { startCallTracking } from '../../calls/start-call-tracking';
import { startQueuedCallSweeper } from '../../calls/start-queued-call-sweeper';
import { getDb } from '../../db/client';

const databaseUrl = process.env.DATABASE_URL ?? '';
const instanceId = process.env.INSTANCE_ID ?? `soak-${process.pid}`;
startCallTracking({ cluster: { databaseUrl, instanceId, intervalMs: 500 } });
startHandedOffCallClaimer();
startOutboxWorker({ idleMs: 100, backoffCapMs: 5_000 });
startQueuedCallSweeper();

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = parseBracketBody(Buffer.concat(chunks).toString('utf8'));
    const log = (line: string) => process.stderr.write(`[${instanceId}] ${line}\n`);
    void receiveB24Event({ body, db: getDb(), placeCall: placeCallOnConnectedPbx, log }).then(
      (outcome) => {
        response.writeHead(outcome.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(outcome.body));
        void outcome.background?.().catch((error: unknown) => log(`background failed: ${String(error)}`));
      },
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
