import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimSqliteInstance } from './claim-sqlite-instance';

const dir = mkdtempSync(path.join(os.tmpdir(), 'b24-claim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('claimSqliteInstance', () => {
  it('lets one server in, refuses a second while it lives, and takes over what a killed one left', () => {
    const databaseFile = path.join(dir, 'app.db');
    const first = claimSqliteInstance({ databaseFile });
    expect(first.ok).toBe(true);
    expect(claimSqliteInstance({ databaseFile, pid: process.pid + 1_000_000 })).toEqual({
      ok: false,
      holderPid: process.pid,
    });
    if (first.ok) first.release();

    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(`${databaseFile}.instance`, dead.stdout.toString());
    const again = claimSqliteInstance({ databaseFile });
    expect(again.ok).toBe(true);
    expect(readFileSync(`${databaseFile}.instance`, 'utf8')).toBe(String(process.pid));
    if (again.ok) again.release();
  });
});
