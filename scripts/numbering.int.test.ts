import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'b24-numbering-cli-'));
const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, 'app.db')}`, REGISTRY_DOWNLOAD_URLS: 'off' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), ['scripts/numbering.ts', ...args], {
      cwd: root,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  await run(path.join(root, 'node_modules/.bin/tsx'), ['scripts/db/migrate.ts'], { cwd: root, env });
}, 60_000);

describe('npm run numbering', () => {
  it('looks numbers up with the bundled registry right after install, one JSON object per line', async () => {
    const { code, stdout } = await cli('lookup', '+7 (915) 000-00-01', '8 903 100 00 00', 'мусор');
    expect(code).toBe(0);
    const [mts, beeline, garbage] = lines(stdout);
    expect(mts).toMatchObject({
      e164: '79150000001',
      carrier: { inn: '7740000076', brand: 'МТС' },
      source: 'registry',
      range: { def: '915' },
    });
    expect(mts).toHaveProperty('region');
    expect(beeline).toMatchObject({ carrier: { inn: '7713076301' } });
    expect(garbage).toMatchObject({ source: 'unknown', carrier: null, reason: { code: 'invalid_characters' } });
  });

  it('imports a registry file and an MNP file, then reports both in stats', async () => {
    const registry = path.join(dir, 'DEF-9xx.csv');
    writeFileSync(registry, `${readFileSync(path.join(root, 'data/registry/DEF-9xx.csv'), 'utf8')}\n`);
    const ported = path.join(dir, 'Port_All_202611250000_0001.csv');
    writeFileSync(
      ported,
      'Number,OwnerId,MNC,Route,RegionCode,PortDate,RowCount\n' +
        '9150000001,mBEELINE,99,D7799,77,2025-01-01T00:00:00+03:00,1\n',
    );
    const imported = await cli('import', registry, ported);
    expect(imported.code).toBe(0);
    expect(lines(imported.stdout)).toMatchObject([
      { type: 'registry', outcome: 'activated', rows: 16_629 },
      { type: 'ported', outcome: 'activated', numbers: 1 },
    ]);
    expect(lines((await cli('lookup', '79150000001')).stdout)[0]).toMatchObject({
      source: 'ported',
      carrier: { inn: '7713076301' },
    });
    const [stats] = lines((await cli('stats')).stdout);
    expect(stats).toMatchObject({ files: [{ kind: 'DEF-9xx', source: 'file', rows: 16_629 }], ported: { numbers: 1 } });
  });

  it('refuses a bad file with exit code 1, the line, and nothing changed', async () => {
    const bad = path.join(dir, 'DEF-bad.csv');
    writeFileSync(
      bad,
      readFileSync(path.join(root, 'data/registry/DEF-9xx.csv'), 'utf8').replace(
        /\n900;0062000;[^\n]*/,
        '\n900;00x2000;garbage',
      ),
    );
    const result = await cli('import', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /DEF-bad\.csv: not imported — Строк с ошибками: 1 \(строки 3\).* \/ 1 row\(s\) rejected \(lines 3\)/,
    );
    const [stats] = lines((await cli('stats')).stdout);
    expect(stats).toMatchObject({ files: [{ fileName: 'DEF-9xx.csv', source: 'file' }] });
  });

  it('sets, lists and removes an override', async () => {
    expect((await cli('override', 'set', '8 915 000 00 02', '7812014560', '--note', 'проверено')).code).toBe(0);
    expect(lines((await cli('lookup', '79150000002')).stdout)[0]).toMatchObject({
      source: 'override',
      detail: 'admin',
      carrier: { inn: '7812014560' },
    });
    expect(lines((await cli('override', 'list')).stdout)[0]).toMatchObject({
      total: 1,
      rows: [{ number: '79150000002', note: 'проверено' }],
    });
    expect((await cli('override', 'remove', '79150000002')).code).toBe(0);
    expect(lines((await cli('lookup', '79150000002')).stdout)[0]).toMatchObject({ source: 'registry' });
    const refused = await cli('override', 'set', '79150000002', '0000000000');
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a carrier in the registry/) });
  });
});
