import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoutingSettings } from '../lib/routing/types';

/** `npm run settings`: the pages' document out and in, on SQLite files of their own, as an admin runs it. */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'b24-settings-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(database: string, script: string, ...args: string[]) {
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, database)}`, REGISTRY_DOWNLOAD_URLS: 'off' };
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), [script, ...args], {
      cwd: root,
      env: { ...env, LANG: 'en_US.UTF-8' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
const settings = (database: string, ...args: string[]) => cli(database, 'scripts/settings.ts', ...args);
const oneLine = (text: string) => {
  expect(text.trim().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at |PrismaClient|ZodError/);
};

describe('npm run settings', () => {
  it('exports lines with their dial templates; an import, then a re-export, gives back exactly the file', async () => {
    expect((await settings('a.db', 'export')).code).toBe(0); // an empty install exports its empty document
    expect((await cli('a.db', 'scripts/seed.ts', 'demo')).code).toBe(0);
    const exported = await settings('a.db', 'export');
    expect(exported.code).toBe(0);
    const document = JSON.parse(exported.stdout) as RoutingSettings;
    expect(document.trunks[0]).toMatchObject({ name: 'Билайн', dial: 'PJSIP/{number}@gw_beeline' });
    // Edited as an integrator would: a hyphenated PJSIP trunk, a chan_sip peer, an IAX2 line, a modem group.
    document.trunks[0]!.dial = 'PJSIP/{number}@Beeline-GoIP';
    document.trunks[0]!.name = 'Beeline_GoIP-1';
    document.trunks[1]!.dial = 'SIP/megafon/{number}';
    document.trunks[2]!.dial = 'IAX2/gw/{number}';
    document.trunks[3]!.dial = 'Dongle/p:25099/{number}';
    const file = path.join(dir, 'edited.json');
    writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
    const imported = await settings('a.db', 'import', file);
    expect(imported.code).toBe(0);
    const out = path.join(dir, 're-exported.json');
    expect((await settings('a.db', 'export', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('moves a configuration to another install: the same document, its rows numbered there', async () => {
    expect((await cli('b.db', 'scripts/seed.ts', 'demo')).code).toBe(0);
    const file = path.join(dir, 'from-b.json');
    expect((await settings('b.db', 'export', file)).code).toBe(0);
    expect((await settings('c.db', 'import', file)).code).toBe(0);
    const moved = JSON.parse((await settings('c.db', 'export')).stdout) as RoutingSettings;
    const original = JSON.parse(readFileSync(file, 'utf8')) as RoutingSettings;
    const withoutIds = (s: RoutingSettings) => ({
      trunks: s.trunks.map(({ id: _, carrierGroupId: __, ...t }) => t),
      carrierGroups: s.carrierGroups.map(({ id: _, ...g }) => g),
      profiles: s.profiles.map(({ id: _, allowedTrunkIds, defaultTrunkId, ...p }) => ({
        ...p,
        allowed: allowedTrunkIds.map((id) => s.trunks.find((t) => t.id === id)!.name),
        default: s.trunks.find((t) => t.id === defaultTrunkId)!.name,
      })),
      defaultTrunk: s.trunks.find((t) => t.id === s.defaultTrunkId)!.name,
    });
    expect(withoutIds(moved)).toEqual(withoutIds(original));
  });

  it('refuses what the pages refuse, in one line that names the field; nothing is stored', async () => {
    const before = (await settings('a.db', 'export')).stdout;
    const document = JSON.parse(before) as RoutingSettings;
    document.trunks[1]!.dial = 'PJSIP/{number}@gw&Local/1@x';
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(document));
    const refused = await settings('a.db', 'import', file);
    expect(refused.code).toBe(1);
    oneLine(refused.stderr);
    expect(refused.stderr).toContain('trunks.1.dial: "&" is not allowed');
    writeFileSync(file, '{"trunks": [');
    const notJson = await settings('a.db', 'import', file);
    expect(notJson.code).toBe(1);
    oneLine(notJson.stderr);
    expect(notJson.stderr).toContain('not JSON');
    const missing = await settings('a.db', 'import', path.join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    oneLine(missing.stderr);
    expect(missing.stderr).toContain('ENOENT');
    expect((await settings('a.db', 'export')).stdout).toBe(before);
  });

  it('with several portals, asks which one, and --portal picks it', async () => {
    expect((await cli('d.db', 'scripts/seed.ts', 'demo')).code).toBe(0);
    const sqlite = new Database(path.join(dir, 'd.db'));
    sqlite
      .prepare(
        'INSERT INTO "Portal" ("memberId", "domain", "clientEndpoint", "accessToken", "refreshToken", "expiresAt", ' +
          '"updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run('b24-second', 'second.bitrix24.ru', 'https://second.bitrix24.ru/rest/', 'a', 'r', Date.now(), Date.now());
    sqlite.close();
    const ambiguous = await settings('d.db', 'export');
    expect(ambiguous.code).toBe(1);
    oneLine(ambiguous.stderr);
    expect(ambiguous.stderr).toContain('--portal');
    expect(ambiguous.stderr).toContain('b24-second');
    const chosen = await settings('d.db', 'export', '--portal', 'b24-second');
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ trunks: [] });
    const unknown = await settings('d.db', 'export', '--portal', 'nobody');
    expect(unknown.code).toBe(1);
    oneLine(unknown.stderr);
  });
});
