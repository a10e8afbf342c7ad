import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { loadKitInput } from '../kit/load-kit-input';
import { renderInstallKit } from '../kit/render-install-kit';
import { freepbxCli, freepbxTestPbx, installKitOnFreepbx, removeKitFromFreepbx } from '../testing/freepbx-profile';
import { seedFreepbxPortal } from '../testing/seed-freepbx-portal';

// `npm run pbx -- check` and `config freepbx` as an admin runs them, against the FreePBX-shaped test PBX: each fault
// in turn is found and named with exit 1; the PBX with the kit installed passes every check with exit 0.

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');

// each test starts the CLI once or twice (tsx, migrations check): on a loaded machine that alone can take 20 s
describe('npm run pbx -- check on the FreePBX-shaped PBX', { timeout: 180_000 }, () => {
  let test: TestDatabase;
  let portalId: number;
  let route: http.Server;
  let env: Record<string, string>;

  const pbxCommand = async (args: string[], extra: Record<string, string> = {}) => {
    const result = await run('npx', ['tsx', 'scripts/pbx.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, ...extra },
      timeout: 60_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    return { code: result.code, stdout: result.stdout, stderr: result.stderr };
  };
  const failures = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('FAIL'));
  /** The kit `config freepbx` prints (tested above), made in-process: each CLI start costs seconds. */
  const installCurrentKit = async () => {
    const config = {
      PUBLIC_URL: env.PUBLIC_URL!,
      DIALPLAN_LISTEN: env.DIALPLAN_LISTEN!,
      DIALPLAN_SECRET: undefined,
      pbxes: [freepbxTestPbx()],
    };
    const pbx = { ...config.pbxes[0]!, name: 'fpbx' };
    const input = await loadKitInput({ db: test.db(), portalId, portal: '', config, pbx });
    await installKitOnFreepbx(renderInstallKit({ flavour: 'freepbx', input }).text);
  };

  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    portalId = (await seedFreepbxPortal({ db: test.db() })).portalId;
    // stands in for the app's route listener: the check only needs it to answer from the PBX's side
    route = http.createServer((_request, response) => response.end('MTS-GoIP'));
    await new Promise<void>((resolve) => route.listen(0, '127.0.0.1', resolve));
    const pbx = freepbxTestPbx();
    env = {
      DATABASE_URL: `file:${test.database.kind === 'sqlite' ? test.database.file : ''}`,
      AMI_HOST: pbx.host,
      AMI_PORT: String(pbx.port),
      AMI_USER: pbx.user,
      AMI_SECRET: pbx.secret,
      AMI_PBX_NAME: 'fpbx',
      AMI_PBXES: '',
      PUBLIC_URL: 'http://127.0.0.1:3000',
      DIALPLAN_LISTEN: `127.0.0.1:${(route.address() as AddressInfo).port}`,
      DIALPLAN_SECRET: '',
      LANG: 'en_US.UTF-8',
    };
  });

  afterAll(async () => {
    await freepbxCli('module load func_curl.so').catch(() => undefined);
    await removeKitFromFreepbx();
    route?.close();
    await test?.dispose();
  });

  it.each(['freepbx', 'asterisk'])('config %s exits 0 with only Asterisk configuration on stdout', async (flavour) => {
    const { code, stdout } = await pbxCommand(['config', flavour]);
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((line) => line.trim() !== '');
    const notConfig = lines.filter((line) => !/^(;|\[[\w-]+\]$|exten => |\s*same => |\s*;|[\w]+ ?= ?)/.test(line));
    expect(notConfig).toEqual([]);
    for (const part of ['ami', 'globals', 'dialplan']) expect(stdout).toContain(`; ---- b24-kit: ${part} ----`);
    expect(stdout).toMatch(/^read = call,dialplan,user$/m);
    expect(stdout).toMatch(/^write = originate,reporting$/m);
    expect(stdout).toMatch(/^eventfilter = /m);
    expect(stdout).toMatch(/^B24_FALLBACK_201=HR1-GoIP/m);
    expect(stdout).toContain(flavour === 'freepbx' ? '[macro-dialout-trunk-predial-hook]' : '[b24-desk-call]');
  });

  it('with the kit installed every check passes: exit 0', async () => {
    await installCurrentKit();
    const { code, stdout } = await pbxCommand(['check']);
    expect(failures(stdout)).toEqual([]);
    expect(stdout).not.toMatch(/^SKIP/m);
    expect(stdout).toMatch(/^OK {3}fpbx: ami-right originate/m);
    expect(stdout).toMatch(/^OK {3}fpbx: line HR2-GoIP/m);
    expect(stdout).toMatch(/^OK {3}fpbx: extension 201/m);
    expect(code).toBe(0);
  });

  it('a user without the originate right: named, exit 1', async () => {
    const { code, stdout } = await pbxCommand(['check'], { AMI_USER: `${env.AMI_USER}-no-originate` });
    expect(failures(stdout)).toEqual([
      expect.stringMatching(/^FAIL fpbx: ami-right originate: missing right.* \/ Add/),
    ]);
    expect(code).toBe(1);
  });

  it('no func_curl: named, exit 1', async () => {
    await freepbxCli('module unload func_curl.so');
    try {
      const { code, stdout } = await pbxCommand(['check']);
      expect(failures(stdout)).toEqual([expect.stringMatching(/^FAIL fpbx: func-curl: .*func_curl/)]);
      expect(code).toBe(1);
    } finally {
      await freepbxCli('module load func_curl.so');
    }
  });

  it("a stale kit (the HR department's fallback line changed): named, exit 1", async () => {
    await installCurrentKit();
    const db = test.db();
    const hr = await db.departmentProfile.findFirstOrThrow({ where: { portalId, kind: 'hr' } });
    const hr2 = await db.trunk.findFirstOrThrow({ where: { portalId, dial: 'PJSIP/{number}@HR2-GoIP' } });
    await db.departmentProfile.update({ where: { id: hr.id }, data: { defaultTrunkId: hr2.id } });
    try {
      const { code, stdout } = await pbxCommand(['check']);
      expect(failures(stdout)).toEqual([expect.stringMatching(/^FAIL fpbx: kit-version: stale: installed b24-kit-/)]);
      expect(code).toBe(1);
    } finally {
      await db.departmentProfile.update({ where: { id: hr.id }, data: { defaultTrunkId: hr.defaultTrunkId } });
    }
  });

  it('a line whose endpoint the PBX lacks: named, exit 1', async () => {
    const db = test.db();
    const ghost = await db.trunk.create({
      data: { portalId, name: 'Ghost', lineNumber: '74950000999', dial: 'PJSIP/{number}@Ghost-GoIP', pbxName: 'fpbx' },
    });
    try {
      await installCurrentKit(); // current for the new line, so only the line itself fails
      const { code, stdout } = await pbxCommand(['check']);
      expect(failures(stdout)).toEqual([
        expect.stringMatching(/^FAIL fpbx: line Ghost-GoIP: PJSIP\/Ghost-GoIP: no such endpoint/),
      ]);
      expect(code).toBe(1);
    } finally {
      await db.trunk.delete({ where: { id: ghost.id } });
    }
  });

  it('no routing contexts: named, exit 1', async () => {
    await removeKitFromFreepbx();
    const { code, stdout } = await pbxCommand(['check']);
    expect(failures(stdout)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^FAIL fpbx: kit-contexts: missing contexts: b24-kit, outbound/)]),
    );
    expect(code).toBe(1);
  });
});
