/**
 * The dialplan listener's own thread (started by start-dialplan-worker.ts). A worker has its own event loop and its
 * own heap: Next.js rendering a page, or collecting its ~70 MB heap (scavenges of 2–5 ms measured inside `next start`),
 * no longer stalls a desk phone waiting for its trunk. It loads its own registry, database client and routing
 * caches; the live SIM load comes from the main thread, which owns the AMI connections (a summary, posted on change).
 */
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import type { LiveChannels } from '../calls/get-sim-load';
import { readLiveSimLoad } from '../calls/read-live-sim-load';
import { startDialplanListener } from './start-dialplan-listener';

export type DialplanWorkerData = { listen: string };
/** Main thread → worker. */
export type DialplanWorkerMessage = { kind: 'live'; live: LiveChannels };
/** Worker → main thread. */
export type DialplanWorkerReport = { kind: 'listening'; address: string; port: number } | { kind: 'error'; message: string };

let live: LiveChannels = { busyByEndpoint: {}, busySims: {} };
parentPort?.on('message', (message: DialplanWorkerMessage) => {
  if (message.kind === 'live') live = message.live;
});

const server = startDialplanListener({
  listen: (workerData as DialplanWorkerData).listen,
  readSimLoad: (db, portalId) => readLiveSimLoad(db, portalId, live),
});
const report = (message: DialplanWorkerReport) => parentPort?.postMessage(message);
server?.once('listening', () => {
  const { address, port } = server.address() as AddressInfo;
  report({ kind: 'listening', address, port });
});
server?.on('error', (error) => report({ kind: 'error', message: error.message }));
