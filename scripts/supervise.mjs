#!/usr/bin/env node
// Keeps one command running: restarts it when it exits (kill -9 included), pausing 1 s, doubled up to 30 s while it
// keeps dying within 10 s of its start. SIGTERM/SIGINT stop the command and then this supervisor, with the
// command's exit code. `npm run app` runs the server under it; in production systemd plays this role.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: supervise.mjs <command> [args…]');
  process.exit(2);
}
const FIRST_PAUSE_MS = 1_000;
const MAX_PAUSE_MS = 30_000;
const LIVED_LONG_ENOUGH_MS = 10_000;
let pause = FIRST_PAUSE_MS / 2;
let child = null;
let stopping = false;
let timer;

function start() {
  const startedAt = Date.now();
  child = spawn(command, args, { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    child = null;
    if (stopping) process.exit(code ?? 0);
    pause = Date.now() - startedAt >= LIVED_LONG_ENOUGH_MS ? FIRST_PAUSE_MS : Math.min(pause * 2, MAX_PAUSE_MS);
    console.error(`[supervise] ${command} exited (${signal ?? code}); restarting in ${pause} ms`);
    timer = setTimeout(start, pause);
  });
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    stopping = true;
    clearTimeout(timer);
    if (child) child.kill(signal);
    else process.exit(0);
  });
}
start();
