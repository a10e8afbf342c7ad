import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SUPERVISE = path.join(import.meta.dirname, 'supervise.mjs');
const dir = mkdtempSync(path.join(os.tmpdir(), 'b24-supervise-'));
let supervisor: ChildProcess | undefined;
afterAll(() => {
  supervisor?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function readPid(file: string): number | null {
  try {
    return Number(readFileSync(file, 'utf8')) || null;
  } catch {
    return null;
  }
}

async function waitForPid(file: string, not: number | null): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const pid = readPid(file);
    if (pid && pid !== not) return pid;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the supervised command did not (re)start');
}

describe('scripts/supervise.mjs', () => {
  it('starts the command again after kill -9, and stops it with itself on SIGTERM', async () => {
    const pidFile = path.join(dir, 'pid');
    const writePid = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));`;
    const script = `${writePid} setInterval(() => {}, 1e4)`;
    supervisor = spawn(process.execPath, [SUPERVISE, process.execPath, '-e', script], { stdio: 'ignore' });
    const first = await waitForPid(pidFile, null);
    process.kill(first, 'SIGKILL');
    const second = await waitForPid(pidFile, first);
    expect(second).not.toBe(first);
    const exited = new Promise<number | null>((resolve) => supervisor!.on('exit', (code) => resolve(code)));
    supervisor.kill('SIGTERM');
    await exited;
    expect(() => process.kill(second, 0)).toThrow();
  });
});
