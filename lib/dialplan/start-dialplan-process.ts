import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listenToForgets } from '../cache/create-named-forget';
import type { CallTrackerState } from '../calls/call-tracker-state';
import { currentLiveChannels } from '../calls/current-live-channels';
import { type LiveChannels, summarizeLiveChannels } from '../calls/get-sim-load';
import { getConfig } from '../config/load-config';
import { getDb } from '../db/client';
import { toCrossingError } from './crossing-error';
import { DIALPLAN_BUNDLE } from './dialplan-bundle-path';
import type { DialplanProcessMessage, DialplanProcessReport } from './dialplan-process';
import { runLoadInApp } from './loads-run-in-app';
import { log } from '../log/log';

export type DialplanProcess = {
  /** The process answering now (a new one after each restart). */
  readonly child: ChildProcess;
  /** The current process's listener address once it listens (port 0 → the one the system picked). */
  readonly listening: Promise<{ address: string; port: number }>;
  /** Ends the process for good (no restart): tests, shutdown. */
  stop(): Promise<void>;
};

const holder = globalThis as typeof globalThis & { __dialplanProcess?: DialplanProcess };
/** How often the app checks whether the SIMs in use changed (and then sends them to the dialplan process). */
const LIVE_POST_MS = 50;
/** The pause before a restart; doubled (up to the maximum) while the process keeps dying young — a port in use, say. */
const RESTART_MS = 1_000;
const MAX_RESTART_MS = 60_000;
const LIVED_LONG_ENOUGH_MS = 10_000;
// Where the TypeScript entry is: beside this file. Run from source (tsx, vitest) import.meta.url says so, and
// Turbopack's bundle keeps it pointing at the source file too; should a bundler ever rewrite it, the server's working
// directory is the project's.
const HERE = import.meta.url.startsWith('file:') ? path.dirname(fileURLToPath(import.meta.url)) : null;
const SOURCE_DIR = HERE?.endsWith(path.join('lib', 'dialplan'))
  ? HERE
  : path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'dialplan');

export type StartDialplanProcessOptions = {
  listen?: string;
  /**
   * Whose SIMs in use the process is told about; default: this process's call tracking of the PBXes it owns, and the
   * journal for those another instance owns (currentLiveChannels).
   */
  trackers?: () => Iterable<CallTrackerState>;
  /** Run this bundle (a test of what `npm run build` makes); default: chosen by NODE_ENV (see entry). */
  bundle?: string;
};

/**
 * Runs the dialplan listener (start-dialplan-listener.ts) in a process of its own (dialplan-process.ts), once per
 * server, kept on globalThis, restarted if it dies (the PBX falls back to the default trunk meanwhile). That process
 * cannot see the AMI trackers or the database: this one sends it the summary of SIMs and trunk channels in use
 * whenever it changes, runs its database work, and relays every cache "forget" to it.
 */
export function startDialplanProcess({
  listen = getConfig().DIALPLAN_LISTEN,
  trackers,
  bundle,
}: StartDialplanProcessOptions = {}): DialplanProcess | null {
  if (listen === 'off') return null;
  if (holder.__dialplanProcess) return holder.__dialplanProcess;
  let current = runChild(listen, bundle);
  let stopped = false;
  let lastPause = RESTART_MS / 2;
  let restartTimer: NodeJS.Timeout | undefined;
  let lastPosted = '';
  const supervise = (run: Run) =>
    run.exited.then(({ code, signal, livedMs }) => {
      if (stopped) return;
      // Dying young again and again (a port in use, say) is not helped by restarting every second.
      const pause = livedMs >= LIVED_LONG_ENOUGH_MS ? RESTART_MS : Math.min(lastPause * 2, MAX_RESTART_MS);
      lastPause = pause;
      log.error('dialplan process exited; restarting', { exit: signal ?? code, pauseMs: pause });
      restartTimer = setTimeout(() => {
        if (stopped) return;
        current = runChild(listen, bundle);
        lastPosted = ''; // the new process has not been told which SIMs are in use
        void supervise(current);
      }, pause).unref();
    });
  void supervise(current);
  // SIMs in use and cache "forgets" go to whichever process is answering now.
  const stopRelay = listenToForgets((name, key) => current.send({ kind: 'forget', name, key }));
  const poster = setInterval(() => {
    if (getConfig().pbxes.length === 0) return;
    const live: LiveChannels = trackers ? summarizeLiveChannels(trackers()) : currentLiveChannels();
    const text = JSON.stringify(live);
    if (text === lastPosted) return;
    lastPosted = text;
    current.send({ kind: 'live', live });
  }, LIVE_POST_MS);
  poster.unref();
  const handle: DialplanProcess = {
    get child() {
      return current.child;
    },
    get listening() {
      return current.listening;
    },
    async stop() {
      stopped = true;
      clearTimeout(restartTimer);
      clearInterval(poster);
      stopRelay();
      if (holder.__dialplanProcess === handle) holder.__dialplanProcess = undefined;
      const { child } = current;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await current.exited;
    },
  };
  holder.__dialplanProcess = handle;
  return handle;
}

type Run = {
  child: ChildProcess;
  listening: Promise<{ address: string; port: number }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; livedMs: number }>;
  send(message: DialplanProcessMessage): void;
};

/** One run of the dialplan process: its reports handled here, its cache reads run here. */
function runChild(listen: string, bundle: string | undefined): Run {
  const { file, execArgv } = bundle ? { file: bundle, execArgv: [] } : entry();
  const startedAt = Date.now();
  // 'advanced': messages are structured clones (Maps, Sets and Dates survive), as the caches expect.
  const child = fork(/* turbopackIgnore: true */ file, [listen], { execArgv, serialization: 'advanced' });
  const send = (message: DialplanProcessMessage) => {
    if (child.connected)
      child.send(message, (error) => error && log.error('dialplan: could not send', { kind: message.kind, error }));
  };
  const listening = new Promise<{ address: string; port: number }>((resolve) => {
    child.on('message', (report: DialplanProcessReport) => {
      if (report.kind === 'load') return runLoadFor(send, report);
      if (report.kind === 'listening') resolve({ address: report.address, port: report.port });
      else log.error('dialplan listener failed', { listen, reason: report.message });
    });
  });
  child.on('error', (error) => log.error('dialplan process failed', { error }));
  const exited = new Promise<Run['exited'] extends Promise<infer T> ? T : never>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, livedMs: Date.now() - startedAt })),
  );
  // Neither the process nor its channel keeps a CLI or a test alive; the process ends itself when this one goes.
  child.unref();
  (child.channel as { unref?: () => void } | undefined)?.unref?.();
  return { child, listening, exited, send };
}

/**
 * The production server (`next start`) runs the bundle: plain node, no TypeScript loader in that process. Everything
 * else — tests, `next dev` — runs the TypeScript entry through tsx, so a change to the code is what runs.
 */
function entry(): { file: string; execArgv: string[] } {
  if (process.env.NODE_ENV === 'production') {
    const bundle = path.join(/* turbopackIgnore: true */ process.cwd(), DIALPLAN_BUNDLE);
    if (existsSync(bundle)) return { file: bundle, execArgv: [] };
    log.warn('dialplan bundle missing (npm run build): running the listener from source', { bundle: DIALPLAN_BUNDLE });
  }
  return { file: path.join(SOURCE_DIR, 'dialplan-process.ts'), execArgv: ['--import', 'tsx'] };
}

/** Runs a cache read the dialplan process asked for (see loads-run-in-app.ts) on this process's client, and answers. */
function runLoadFor(
  send: (message: DialplanProcessMessage) => void,
  { id, name, key }: Extract<DialplanProcessReport, { kind: 'load' }>,
): void {
  const fail = (error: unknown) => send({ kind: 'loaded', id, error: toCrossingError(error) });
  runLoadInApp(name, key, getDb()).then((value) => {
    try {
      send({ kind: 'loaded', id, value });
    } catch (error) {
      fail(error); // a value that cannot be cloned: the cache there sees an error, not a hang until its timeout
    }
  }, fail);
}
