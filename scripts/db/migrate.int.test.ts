import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'b24-migrate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function migrate(databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), ['scripts/db/migrate.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run db:migrate', () => {
  it('migrates a new SQLite file, then reports it up to date, one line each time', async () => {
    const url = `file:${path.join(dir, 'nested', 'app.db')}`;
    const first = await migrate(url);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const total = readdirSync(path.join(root, 'prisma/migrations')).filter((name) => /^\d{14}_/.test(name)).length;
    expect(first.stdout).toMatch(
      new RegExp(
        `^\\[db:migrate\\] sqlite .*app\\.db: applied ${total} \\(\\d{14}_init, .*\\); ${total} ` +
          `migration\\(s\\) in total\n$`,
      ),
    );
    const second = await migrate(url);
    expect(second.stdout).toMatch(
      new RegExp(`^\\[db:migrate\\] sqlite .*app\\.db: up to date; ${total} migration\\(s\\) in total\n$`),
    );
  });

  it('stops with one line when the database cannot be reached', async () => {
    const result = await migrate('postgresql://nobody:wrong@127.0.0.1:1/none');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^\[db:migrate\] /);
  });
});
