import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runNamedLoad, toCrossingError } from '../cache/load-on-main-thread';
import type { CallTrackerState } from '../calls/call-tracker-state';
import { summarizeLiveChannels } from '../calls/get-sim-load';
import { trackedCallStates } from '../calls/start-call-tracking';
import { getConfig } from '../config/load-config';
import { getDb } from '../db/client';
// The worker's cache reads run here (runLoadFor): these register them by name in this thread.
import '../numbering/store/get-numbering-data';
import '../portals/find-routing-portal';
import './settings/get-routing-context';
import type { DialplanWorkerData, DialplanWorkerMessage, DialplanWorkerReport } from './dialplan-worker';

export type DialplanWorker = {
  worker: Worker;
  /** The listener's address once it listens (port 0 → the one the system picked). */
  listening: Promise<{ address: string; port: number }>;
  /** Ends the worker for good (no restart): tests, shutdown. */
  stop(): Promise<void>;
};

const holder = globalThis as typeof globalThis & { __dialplanWorker?: DialplanWorker };
/** How often the main thread checks whether the SIMs in use changed (and then posts them to the worker). */
const LIVE_POST_MS = 50;
const RESTART_MS = 1_000;
// Run from source (tsx, vitest) the .ts entry needs tsx registered first (dialplan-worker-from-source.mjs); the built
// server has the worker bundled by Next (the `new Worker(new URL(…))` form is what its bundler looks for).
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const SOURCE_ENTRY = 'dialplan-worker-from-source.mjs';

export type StartDialplanWorkerOptions = {
  listen?: string;
  /** Whose SIMs in use the worker is told about; default: this process's call tracking (one per PBX). */
  trackers?: () => Iterable<CallTrackerState>;
};

/**
 * Runs the dialplan listener (start-dialplan-listener.ts) in a worker thread of this server, once per process, kept on
 * globalThis, restarted if it dies (the PBX falls back to the default trunk meanwhile). The worker cannot see the
 * AMI trackers, so this thread posts their summary — SIMs and trunk channels in use — whenever it changes.
 */
export function startDialplanWorker({ listen = getConfig().DIALPLAN_LISTEN, trackers = trackedCallStates }: StartDialplanWorkerOptions = {}): DialplanWorker | null {
  if (listen === 'off') return null;
  if (holder.__dialplanWorker) return holder.__dialplanWorker;
  const workerData: DialplanWorkerData = { listen };
  const worker: Worker = FROM_SOURCE
    ? // Reflect.construct: invisible to the bundler, which would otherwise try to bundle tsx for the built server.
      Reflect.construct(Worker, [path.join(path.dirname(fileURLToPath(import.meta.url)), SOURCE_ENTRY), { workerData }])
    : new Worker(new URL('./dialplan-worker.ts', import.meta.url), { workerData });
  let stopped = false;
  const listening = new Promise<{ address: string; port: number }>((resolve) => {
    worker.on('message', (report: DialplanWorkerReport) => {
      if (report.kind === 'load') return runLoadFor(worker, report);
      if (report.kind === 'listening') resolve({ address: report.address, port: report.port });
      else console.error(`[dialplan] listener on ${listen} failed: ${report.message}`);
    });
  });
  worker.on('error', (error) => console.error(`[dialplan] worker failed: ${error.message}`));
  let lastPosted = '';
  const poster = setInterval(() => {
    if (getConfig().pbxes.length === 0) return;
    const live = summarizeLiveChannels(trackers());
    const text = JSON.stringify(live);
    if (text === lastPosted) return;
    lastPosted = text;
    worker.postMessage({ kind: 'live', live } satisfies DialplanWorkerMessage);
  }, LIVE_POST_MS);
  poster.unref();
  worker.once('exit', (code) => {
    clearInterval(poster);
    holder.__dialplanWorker = undefined;
    if (stopped) return;
    console.error(`[dialplan] worker exited (${code}); restarting in ${RESTART_MS} ms`);
    setTimeout(() => startDialplanWorker({ listen, trackers }), RESTART_MS).unref();
  });
  worker.unref();
  const handle: DialplanWorker = {
    worker,
    listening,
    async stop() {
      stopped = true;
      await worker.terminate();
    },
  };
  holder.__dialplanWorker = handle;
  return handle;
}

/** Runs a cache read the worker asked for (see loadOnMainThread) on this thread's database client, and posts the answer. */
function runLoadFor(worker: Worker, { id, name, key }: Extract<DialplanWorkerReport, { kind: 'load' }>): void {
  const post = (message: DialplanWorkerMessage) => {
    try {
      worker.postMessage(message);
    } catch (error) {
      worker.postMessage({ kind: 'loaded', id, error: toCrossingError(error) } satisfies DialplanWorkerMessage);
    }
  };
  runNamedLoad(name, key, getDb()).then(
    (value) => post({ kind: 'loaded', id, value }),
    (error: unknown) => post({ kind: 'loaded', id, error: toCrossingError(error) }),
  );
}
