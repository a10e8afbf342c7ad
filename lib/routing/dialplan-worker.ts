/**
 * The dialplan listener's own thread (started by start-dialplan-worker.ts). A worker has its own event loop and its
 * own heap: Next.js rendering a page, or collecting its ~70 MB heap (scavenges of 2–5 ms measured inside `next start`),
 * no longer stalls a desk phone waiting for its trunk. It keeps its own registry index and routing caches, but their
 * database reads run on the main thread (below); the live SIM load comes from the main thread too, which owns the AMI
 * connections (a summary, posted on change).
 */
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { fromCrossingError, sendLoadsElsewhere, type CrossingError } from '../cache/load-on-main-thread';
import type { LiveChannels } from '../calls/get-sim-load';
import { readLiveSimLoad } from '../calls/read-live-sim-load';
import { startDialplanListener } from './start-dialplan-listener';

export type DialplanWorkerData = { listen: string };
/** Main thread → worker. */
export type DialplanWorkerMessage =
  | { kind: 'live'; live: LiveChannels }
  | { kind: 'loaded'; id: number; value?: unknown; error?: CrossingError };
/** Worker → main thread. */
export type DialplanWorkerReport =
  | { kind: 'listening'; address: string; port: number }
  | { kind: 'error'; message: string }
  | { kind: 'load'; id: number; name: string; key: unknown };

/** A main thread that has not answered by then is stuck: the cache keeps what it has and asks again later. */
const LOAD_TIMEOUT_MS = 10_000;
const pendingLoads = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
let lastLoadId = 0;
const report = (message: DialplanWorkerReport) => parentPort?.postMessage(message);
let live: LiveChannels = { busyByEndpoint: {}, busySims: {} };
parentPort?.on('message', (message: DialplanWorkerMessage) => {
  if (message.kind === 'live') live = message.live;
  if (message.kind === 'loaded') {
    const pending = pendingLoads.get(message.id);
    if (!pending) return; // timed out meanwhile
    pendingLoads.delete(message.id);
    clearTimeout(pending.timer);
    if (message.error) pending.reject(fromCrossingError(message.error));
    else pending.resolve(message.value);
  }
});

// This thread never queries the database for its caches (settings, portals, SIM usage, numbering checks): the main
// thread runs those reads and posts the answers back (see loadOnMainThread). Only a numbering rebuild runs here.
sendLoadsElsewhere(
  (name, key) =>
    new Promise((resolve, reject) => {
      const id = (lastLoadId += 1);
      const timer = setTimeout(() => {
        pendingLoads.delete(id);
        reject(new Error(`The main thread did not answer "${name}" in ${LOAD_TIMEOUT_MS} ms`));
      }, LOAD_TIMEOUT_MS).unref();
      pendingLoads.set(id, { resolve, reject, timer });
      report({ kind: 'load', id, name, key });
    }),
);

const server = startDialplanListener({
  listen: (workerData as DialplanWorkerData).listen,
  readSimLoad: (db, portalId) => readLiveSimLoad(db, portalId, live),
});
server?.once('listening', () => {
  const { address, port } = server.address() as AddressInfo;
  report({ kind: 'listening', address, port });
});
server?.on('error', (error) => report({ kind: 'error', message: error.message }));
