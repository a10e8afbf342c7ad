import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

async function checkConfig(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(tsx, ['scripts/check-config.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH!, NODE_ENV: 'test', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('start-up configuration check (a real process)', { timeout: 30_000 }, () => {
  it('a misconfigured variable → exit 1 and exactly one line naming it, no stack trace', async () => {
    const result = await checkConfig({ AMI_HOST: '127.0.0.1', AMI_USER: 'app', AMI_SECRET: 'x', AMI_PORT: 'five' });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: AMI_PORT: .*\(got "five"\)$/);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('embedded defaults pass', async () => {
    const result = await checkConfig({});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Configuration ok: database=sqlite/);
  });
});
