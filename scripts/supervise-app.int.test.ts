import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real server under the supervisor `npm run app` uses (scripts/supervise.mjs): kill -9 of the server brings it
 * back, and kill -9 of its dialplan process (lib/dialplan) brings that back too, each answering again on its port.
 * Runs the app with `next dev` on a fresh SQLite file, so no production build is needed; loopback only.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'b24-supervise-app-'));
let supervisor: ChildProcess | undefined;

afterAll(async () => {
  if (supervisor && supervisor.exitCode === null) {
    const exited = new Promise((resolve) => supervisor!.once('exit', resolve));
    supervisor.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The process listening on a loopback port, from the kernel's socket table. */
function listenerPid(port: number): number | null {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  return pid ? Number(pid) : null;
}

async function answers(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    () => true,
    () => false,
  );
}

/** Waits until `url` answers from a listener other than `not`; returns that listener's pid. */
async function servedAgain(port: number, url: string, not: number | null, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pid = listenerPid(port);
    if (pid && pid !== not && (await answers(url))) return pid;
    if (Date.now() > deadline) throw new Error(`${url}: not served again within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the app under scripts/supervise.mjs', () => {
  it('kill -9 of the server, then of its dialplan process: each answers again', { timeout: 300_000 }, async () => {
    const [appPort, dialplanPort] = [await freePort(), await freePort()];
    const env = {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, 'app.db')}`,
      PORT: String(appPort),
      PUBLIC_URL: `http://127.0.0.1:${appPort}`,
      DIALPLAN_LISTEN: `127.0.0.1:${dialplanPort}`,
      AMI_HOST: '',
      REGISTRY_DOWNLOAD_URLS: 'off',
    };
    execFileSync('npm', ['run', '--silent', 'db:migrate'], { cwd: ROOT, env, stdio: 'ignore' });
    const next = path.join(ROOT, 'node_modules', '.bin', 'next');
    supervisor = spawn(
      process.execPath,
      ['scripts/supervise.mjs', next, 'dev', '-p', String(appPort), '-H', '127.0.0.1'],
      { cwd: ROOT, env, stdio: 'ignore' },
    );
    const health = `http://127.0.0.1:${appPort}/api/health`;
    const dialplan = `http://127.0.0.1:${dialplanPort}/`;
    const server = await servedAgain(appPort, health, null, 180_000);
    const firstDialplan = await servedAgain(dialplanPort, dialplan, null, 60_000);

    process.kill(server, 'SIGKILL');
    const restarted = await servedAgain(appPort, health, server, 180_000);
    expect(restarted).not.toBe(server);
    const secondDialplan = await servedAgain(dialplanPort, dialplan, firstDialplan, 60_000);

    process.kill(secondDialplan, 'SIGKILL');
    const thirdDialplan = await servedAgain(dialplanPort, dialplan, secondDialplan, 60_000);
    expect(thirdDialplan).not.toBe(secondDialplan);
    expect(listenerPid(appPort)).toBe(restarted);
  });
});
