/**
 * What the AMI event filter saves on a FreePBX-shaped PBX (`eval "$(npm run -s peers -- up)"` first):
 * `npx tsx bench/ami-event-filter.bench.ts`. The bench: AMI bytes and app CPU per call with and without the
 * `eventfilter=` lines the install kit writes into the app's manager entry, measured in one run.
 *
 * Two sessions listen at once, each in a process of its own running the app's ingest path (parser + call tracker):
 * the kit's filtered user and the same rights unfiltered. CALLS calls go through FreePBX's own outbound routes
 * (from-internal: Newexten/VarSet flood included), WAVE at a time, over both the PJSIP and the IAX2 trunk, to
 * simulator clients who answer and talk for a few seconds. Nothing is asserted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { connectAmi } from '../scripts/peers/test-support/connect-ami';
import { newActionId } from '../scripts/peers/test-support/new-action-id';

const CALLS = 20;
const WAVE = 5;
/** A call rings the phone (1 s) and the client (1 s) and talks 3 s; the last Hangup comes a little after. */
const CALL_MS = 8_000;

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run eval "$(npm run -s peers -- up)" first`);
  return value;
}
const login = {
  host: env('FREEPBX_AMI_HOST'),
  port: Number(env('FREEPBX_AMI_PORT')),
  user: env('FREEPBX_AMI_USER'),
  secret: env('FREEPBX_AMI_SECRET'),
};
const SESSION = path.join(import.meta.dirname, 'support', 'ami-ingest-session.ts');

type SessionStats = { user: string; bytes: number; events: number; cpuMs: number };

function startSession(user: string): Promise<{ child: ChildProcess; stats: Promise<SessionStats> }> {
  const args = ['--import', 'tsx', SESSION, login.host, String(login.port), user, login.secret];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  const stats = new Promise<SessionStats>((resolve, reject) => {
    child.on('exit', () => {
      const last = output.trim().split('\n').at(-1) ?? '';
      last.startsWith('{') ? resolve(JSON.parse(last) as SessionStats) : reject(new Error(`${user}: ${output}`));
    });
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) resolve({ child, stats });
    });
    child.on('exit', (code) => reject(new Error(`${user} exited (${code}) before logging in: ${output}`)));
  });
}

const sessions = await Promise.all([startSession(login.user), startSession(`${login.user}-unfiltered`)]);
const pbx = await connectAmi(login);
console.log(
  `AMI event filter on the FreePBX-shaped PBX ${login.host}:${login.port}: ${CALLS} calls, ${WAVE} at a time`,
);
const started = Date.now();
for (let wave = 0; wave < CALLS / WAVE; wave++) {
  await Promise.all(
    Array.from({ length: WAVE }, (_, i) => {
      // A number ending in 1–8 answers; every other call takes the IAX2 trunk (route prefix 3).
      const number = `7916${String(randomInt(100_000, 1_000_000))}${randomInt(1, 9)}`;
      const exten = `${(wave * WAVE + i) % 2 ? '3' : ''}${number}`;
      const action = {
        Action: 'Originate',
        ActionID: newActionId('filter-bench'),
        Channel: 'PJSIP/101',
        Context: 'from-internal',
        Exten: exten,
        Priority: 1,
        CallerID: `"Client" <${number}>`,
        Timeout: 15_000,
        Async: 'true',
      };
      return pbx.action(action, true);
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, CALL_MS));
}
pbx.disconnect();
for (const { child } of sessions) child.stdin!.end();
const [filtered, unfiltered] = await Promise.all(sessions.map(({ stats }) => stats));
const perCall = (value: number) => (value / CALLS).toFixed(1).padStart(9);
for (const [label, stats] of [
  ['filtered (the kit)', filtered!],
  ['unfiltered (same rights)', unfiltered!],
] as const) {
  console.log(
    `  ${label.padEnd(26)} ${perCall(stats.bytes)} bytes/call ${perCall(stats.events)} events/call ` +
      `${(stats.cpuMs / CALLS).toFixed(2).padStart(7)} ms CPU/call`,
  );
}
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
console.log(
  `  filtered / unfiltered: bytes ×${ratio(filtered!.bytes, unfiltered!.bytes)}, ` +
    `events ×${ratio(filtered!.events, unfiltered!.events)}, CPU ×${ratio(filtered!.cpuMs, unfiltered!.cpuMs)} ` +
    `(${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
