import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testPgUrl } from '../lib/db/testing/create-test-database';

/** The README's CLIs on a database nobody has migrated yet: they work, or say in one line what to run. */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'b24-fresh-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(databaseUrl: string, script: string, ...args: string[]) {
  const env = { ...process.env, DATABASE_URL: databaseUrl, REGISTRY_DOWNLOAD_URLS: 'off' };
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), [script, ...args], {
      cwd: root,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |P2021|PrismaClient/);

describe('CLIs on a new database', () => {
  it('a new SQLite file is migrated first, and each CLI then works or names the command to run', async () => {
    const url = `file:${path.join(dir, 'new.db')}`;
    const lookup = await cli(url, 'scripts/numbering.ts', 'lookup', '79161234567');
    expect(lookup.code).toBe(0);
    expect(lookup.stderr).toContain('applied');
    expect(JSON.parse(lookup.stdout)).toMatchObject({ carrier: { brand: 'МТС' } });
    // The local portal exists from the lookup on: with no line yet, the decision says so.
    const route = await cli(url, 'scripts/route.ts', '79161234567');
    expect(route.code).toBe(0);
    expect(route.stdout).toContain('ни одна линия не настроена');
    for (const result of [lookup, route, await cli(url, 'scripts/numbering.ts', 'stats')]) noStackTrace(result.stderr);
    expect((await cli(url, 'scripts/seed.ts', 'demo')).code).toBe(0);
    expect((await cli(url, 'scripts/route.ts', '79161234567')).code).toBe(0);
  });

  it('a PostgreSQL database behind its migrations is left alone, with one line naming npm run db:migrate', async () => {
    const schema = `fresh_cli_${process.pid}`;
    const url = new URL(testPgUrl());
    url.searchParams.set('schema', schema);
    const result = await cli(url.toString(), 'scripts/numbering.ts', 'stats');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('npm run db:migrate');
    const admin = new pg.Client({ connectionString: testPgUrl() });
    await admin.connect();
    const tables = await admin.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1', [schema]);
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    expect(tables.rowCount).toBe(0);
  });
});
