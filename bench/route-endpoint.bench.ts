/**
 * Dialplan endpoint over HTTP on loopback: `npx tsx bench/route-endpoint.bench.ts`. Target: p99 ≤ 2 ms at 500 req/s.
 * Runs the production build (`npm run build` first if there is none) on a fresh SQLite database seeded with the demo
 * configuration, and drives it like Asterisk's CURL(): a new TCP connection per request, at a fixed rate. Baselines,
 * same run, same load: a bare Node http server answering a constant trunk name (the cost of HTTP itself), and the
 * listener's own socket handling answering a constant (bench/support/constant-net-server.mjs: the cost of a new
 * connection answered by Node on this machine, before any routing). The load generator and the baselines each run in
 * their own process (bench/support), so what differs between the measurements is the server answering.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/migrate/apply-migrations';
import { DIALPLAN_BUNDLE } from '../lib/dialplan/dialplan-bundle-path';
import { seedDemoPortal } from '../lib/routing/settings/seed-demo-portal';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/**
 * Each server first answers this long at the full rate, measured but not in the verdict: the target is the endpoint's
 * steady state, and a freshly started Node process is not in it — in 2 s of warm-up (this bench until 2026-11-26) the
 * first round was over 2 ms in every run, for the constant servers too, while V8 still compiled the hot paths.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const SECRET = 'bench-secret-0123456789';
const HERE = import.meta.dirname;

type LoadResult = { latencies: number[]; errors: string[]; errorCount: number };

/**
 * The load generator: bench/support/open-loop-client.c built with the system's cc (cached by source hash), else the
 * Node one (bench/support/open-loop-client.mjs) — whose own GC and event loop put a 3–5 ms p99 on a bare constant
 * server here, so with it the ratio still means something but the absolute p99 does not.
 */
function buildNativeClient(): string | null {
  const source = readFileSync(path.join(HERE, 'support/open-loop-client.c'));
  const binary = path.join(
    os.tmpdir(),
    `b24cc-open-loop-client-${createHash('sha256').update(source).digest('hex').slice(0, 12)}`,
  );
  if (existsSync(binary)) return binary;
  const built = spawnSync('cc', ['-O2', '-o', binary, path.join(HERE, 'support/open-loop-client.c')], {
    stdio: 'inherit',
  });
  return built.status === 0 ? binary : null;
}
const nativeClient = buildNativeClient();

/** Runs the open-loop client in its own process: `count` requests at `rate` per second over `urls` in turn. */
function load(urls: string[], count: number, rate = RATE): Promise<LoadResult> {
  const first = new URL(urls[0]!);
  const [command, args] = nativeClient
    ? [
        nativeClient,
        [
          first.hostname,
          first.port,
          String(rate),
          String(count),
          `X-Dialplan-Secret: ${SECRET}`,
          ...urls.map((u) => {
            const url = new URL(u);
            return url.pathname + url.search;
          }),
        ],
      ]
    : [
        process.execPath,
        [
          path.join(HERE, 'support/open-loop-client.mjs'),
          JSON.stringify({ urls, rate, count, headers: { 'X-Dialplan-Secret': SECRET } }),
        ],
      ];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load client exited ${code}`)),
    );
  });
}

async function startBaseline(script: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(HERE, 'support', script)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  return { port: Number(first.value), stop: () => child.kill() };
}

/**
 * bench/support/stall-meter.mjs for `ms`: how often an idle Node process is held up > 2 ms here. Run before the rounds,
 * not beside them: its 1 000 wake-ups a second would be one more load on the 2 cores the servers need.
 */
async function measureStalls(ms: number): Promise<{ seconds: number; count: number; totalMs: number; maxMs: number }> {
  const child = spawn(process.execPath, [path.join(HERE, 'support/stall-meter.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk));
  const done = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.stdin.end();
  await done;
  return JSON.parse(out);
}

/**
 * The kernel's DAMON worker, if this machine runs one (a VM's memory reclaim): its CPU time and runs, from schedstat.
 */
function readKdamond(): { ms: number; runs: number } | null {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('kdamond')) continue;
      const [onCpuNs, , runs] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
      return { ms: onCpuNs! / 1e6, runs: runs! };
    } catch {
      // gone meanwhile, or no schedstat: nothing to report
    }
  }
  return null;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
const summary = (r: LoadResult) =>
  `p50 ${pct(r.latencies, 50).toFixed(2)} ms, p95 ${pct(r.latencies, 95).toFixed(2)} ms, p99 ` +
  `${pct(r.latencies, 99).toFixed(2)} ms, max ${r.latencies.at(-1)!.toFixed(2)} ms` +
  (r.errorCount ? `, ${r.errorCount} errors (${r.errors.join('; ')})` : '');

if (!existsSync('.next/BUILD_ID') || !existsSync(DIALPLAN_BUNDLE)) {
  console.log('no production build: running npm run build…');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'route-bench-'));
const database = { kind: 'sqlite' as const, file: path.join(dir, 'bench.db') };
await applyMigrations({ database });
const db = createDb({ database });
await seedDemoPortal({ db });
await db.$disconnect();

const port = 3900 + Math.floor(Math.random() * 90);
const dialplanPort = port + 100;
const app = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
  // A PBX is configured (nothing answers on its AMI port: the bench makes no calls) so that each decision reads the
  // live SIM load and the cached SIM usage, as it does in production; without one the server skips both.
  env: {
    ...process.env,
    DATABASE_URL: `file:${database.file}`,
    DIALPLAN_SECRET: SECRET,
    DIALPLAN_LISTEN: `127.0.0.1:${dialplanPort}`,
    AMI_HOST: '127.0.0.1',
    AMI_PORT: String(port + 200),
    AMI_USER: 'bench',
    AMI_SECRET: 'bench',
    NODE_ENV: 'production',
  },
  stdio: 'ignore',
  detached: true,
});
const baseline = await startBaseline('constant-server.mjs');
const sockets = await startBaseline('constant-net-server.mjs');
try {
  const numbers = ['79151234567', '79261234567', '79031234567', '79001234567', '74951234567', '79991234567'];
  const exts = ['101', '102', '201', '202'];
  const queries = Array.from(
    { length: 12 },
    (_, i) => `?number=${numbers[i % numbers.length]}&ext=${exts[i % exts.length]}`,
  );
  const listenerUrls = queries.map((q) => `http://127.0.0.1:${dialplanPort}/api/asterisk/route${q}`);
  const nextUrls = queries.map((q) => `http://127.0.0.1:${port}/api/asterisk/route${q}`);
  const baseUrls = [`http://127.0.0.1:${baseline.port}/`];
  const socketUrls = [`http://127.0.0.1:${sockets.port}/api/asterisk/route${queries[0]}`];
  for (let i = 0; i < 100; i += 1) {
    const ready = await Promise.all([load(nextUrls.slice(0, 1), 1, 1), load(listenerUrls.slice(0, 1), 1, 1)]);
    if (ready.every((r) => r.errorCount === 0)) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  const warmups = {
    ours: await load(listenerUrls, RATE * WARMUP_SECONDS),
    base: await load(baseUrls, RATE * WARMUP_SECONDS),
    sockets: await load(socketUrls, RATE * WARMUP_SECONDS),
  };
  const count = RATE * SECONDS;
  // Rounds, rotating which server goes first (so none always runs right after another one's connections): on this
  // shared 2-core VM a bare constant server's p99 alone moves between 0.7 and 3.7 ms from one 10 s run to the next, so
  // one run says more about the neighbours than about us. Every round is printed; the verdict uses the median round
  // (and a round's p99 is the 50th-worst of 5 000).
  const servers = { base: baseUrls, sockets: socketUrls, ours: listenerUrls };
  const names = Object.keys(servers) as (keyof typeof servers)[];
  const stalls = await measureStalls(10_000);
  const kdamondBefore = readKdamond();
  const rounds: Record<keyof typeof servers, LoadResult>[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const results = {} as Record<keyof typeof servers, LoadResult>;
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(i + round) % names.length]!;
      results[name] = await load(servers[name], count);
    }
    rounds.push(results);
  }
  const kdamondAfter = readKdamond();
  // Through Next.js for comparison, at a fifth of the rate (at 500 req/s it queues without bound on 2 cores).
  const viaNext = await load(nextUrls, Math.floor(count / 5), RATE / 5).catch(() => null);
  console.log(
    `dialplan endpoint, ${ROUNDS} rounds × ${count} requests at ${RATE} req/s, a new connection each (like ` +
      `CURL()); client: ${nativeClient ? 'C (epoll)' : 'Node (no cc found)'}:`,
  );
  console.log(
    `  warm-up, ${WARMUP_SECONDS} s each right after start (not in the verdict): listener p99 ` +
      `${pct(warmups.ours.latencies, 99).toFixed(2)} ms, sockets p99 ` +
      `${pct(warmups.sockets.latencies, 99).toFixed(2)} ms, node:http p99 ` +
      `${pct(warmups.base.latencies, 99).toFixed(2)} ms`,
  );
  rounds.forEach((r, i) => {
    console.log(`  round ${i + 1} bare node http (baseline):             ${summary(r.base)}`);
    console.log(`  round ${i + 1} listener's sockets, constant answer:   ${summary(r.sockets)}`);
    console.log(`  round ${i + 1} dialplan listener /api/asterisk/route: ${summary(r.ours)}`);
  });
  if (viaNext) console.log(`  (Next.js route, same code, ${RATE / 5} req/s):          ${summary(viaNext)}`);
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const p99 = median(rounds.map((r) => pct(r.ours.latencies, 99)));
  const baseP99 = median(rounds.map((r) => pct(r.base.latencies, 99)));
  const socketsP99 = median(rounds.map((r) => pct(r.sockets.latencies, 99)));
  const errors = rounds.reduce((sum, r) => sum + r.ours.errorCount, 0);
  console.log(
    `  median-round p99: listener ${p99.toFixed(2)} ms, baseline ${baseP99.toFixed(2)} ms, ratio ` +
      `${(p99 / baseP99).toFixed(2)}×; target p99 ≤ 2 ms: ${p99 <= 2 && errors === 0 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  before the rounds, every server idle: an idle Node process (a 1 ms timer) was held up > 2 ms ` +
      `${stalls.count} times in ${stalls.seconds.toFixed(0)} s (${(stalls.count / stalls.seconds).toFixed(1)}/s, ` +
      `longest ${stalls.maxMs.toFixed(1)} ms)`,
  );
  if (kdamondBefore && kdamondAfter) {
    const runs = kdamondAfter.runs - kdamondBefore.runs;
    const ms = kdamondAfter.ms - kdamondBefore.ms;
    console.log(
      `  during the rounds the kernel's DAMON thread (kdamond) ran ${runs} times, ${ms.toFixed(0)} ms in all ` +
        `(${(ms / Math.max(1, runs)).toFixed(2)} ms a run); this kernel does not preempt it, so whatever wakes ` +
        `on its core waits`,
    );
  }
  console.log(
    `  the listener's sockets answering a constant: median-round p99 ${socketsP99.toFixed(2)} ms ` +
      `(${socketsP99 <= 2 ? 'within' : 'over'} 2 ms before any routing); listener / that ` +
      `${(p99 / socketsP99).toFixed(2)}×`,
  );
} finally {
  baseline.stop();
  sockets.stop();
  process.kill(-app.pid!, 'SIGTERM');
}
