/**
 * The dialplan listener's own process (started and supervised by start-dialplan-process.ts; see README.md). Why a
 * process of its own: a desk phone's request then never waits behind the Next.js server's work — its renders, its
 * ~70 MB heap's collections, the V8 helper threads a worker thread would share with it
 * (bench/route-endpoint.bench.ts measures the endpoint this way).
 * It keeps its own registry index and routing caches, but has no database client: every read (and the one write, a
 * lookup service's answer) runs in the app (loads-run-in-app.ts), which builds the registry index too and sends it
 * over; the app also owns the AMI connections and sends the live SIM load (a summary, on change) and every cache
 * "forget". Its bundle leaves out Prisma and call tracking (scripts/build-dialplan-process.ts): 19 MB live after a full
 * collection instead of 36 MB.
 */
import type { AddressInfo } from 'node:net';
import { delegateLoads } from '../cache/create-delegable-load';
import { replayForget } from '../cache/create-named-forget';
import { getSimLoad, readSimLoadWhenPbx, type LiveChannels } from '../calls/get-sim-load';
import { fromCrossingError, type CrossingError } from './crossing-error';
import { nameOfLoad } from './loads-run-in-app';
import { startDialplanListener } from './start-dialplan-listener';
import { log } from '../log/log';

/** App → dialplan process. */
export type DialplanProcessMessage =
  | { kind: 'live'; live: LiveChannels }
  | { kind: 'loaded'; id: number; value?: unknown; error?: CrossingError }
  | { kind: 'forget'; name: string; key: unknown };
/** Dialplan process → app. */
export type DialplanProcessReport =
  | { kind: 'listening'; address: string; port: number }
  | { kind: 'error'; message: string }
  | { kind: 'load'; id: number; name: string; key: unknown };

/** An app that has not answered by then is stuck: the cache keeps what it has and asks again later. */
const LOAD_TIMEOUT_MS = 10_000;
const pendingLoads = new Map<
  number,
  { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
>();
let lastLoadId = 0;
let live: LiveChannels = { busyByEndpoint: {}, busySims: {} };

if (!process.send) {
  log.error('the dialplan process is started by the app (start-dialplan-process.ts), not by hand');
  process.exit(2);
}
const report = (message: DialplanProcessReport) => process.send?.(message);
// The app is gone (stopped, crashed, killed): so is the reason to answer — and the port must be free for its next run.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: DialplanProcessMessage) => {
  if (message.kind === 'live') live = message.live;
  else if (message.kind === 'forget') replayForget(message.name, message.key);
  else if (message.kind === 'loaded') {
    const pending = pendingLoads.get(message.id);
    if (!pending) return; // timed out meanwhile
    pendingLoads.delete(message.id);
    clearTimeout(pending.timer);
    if (message.error) pending.reject(fromCrossingError(message.error));
    else pending.resolve(message.value);
  }
});

// This process never touches the database (settings, portals, SIM usage, the numbering data and its checks, learned
// carriers): the app runs that work and sends the answers back (see loads-run-in-app.ts).
delegateLoads(
  (load, key) =>
    new Promise((resolve, reject) => {
      const name = nameOfLoad(load);
      const id = (lastLoadId += 1);
      const timer = setTimeout(() => {
        pendingLoads.delete(id);
        reject(new Error(`The app did not answer "${name}" in ${LOAD_TIMEOUT_MS} ms`));
      }, LOAD_TIMEOUT_MS).unref();
      pendingLoads.set(id, { resolve, reject, timer });
      report({ kind: 'load', id, name, key });
    }),
);

const server = startDialplanListener({
  listen: process.argv[2],
  readSimLoad: (db, portalId) => readSimLoadWhenPbx(() => getSimLoad({ db, portalId, live })),
  readBusyExtensions: () => live.busyExtensions ?? [],
});
server?.once('listening', () => {
  const { address, port } = server.address() as AddressInfo;
  report({ kind: 'listening', address, port });
});
server?.on('error', (error) => {
  report({ kind: 'error', message: error.message });
  // Nothing else to do here: exit, and the app starts a new process after its pause (the port may be free by then).
  process.exit(1);
});
