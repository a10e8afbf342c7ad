import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PbxConfig } from '../../config/schema';

const run = promisify(execFile);

/** The test PBX from `npm run peers -- up` (scripts/peers), as the app's config would describe it. */
export function testPbx(): PbxConfig {
  const { AMI_HOST, AMI_PORT, AMI_USER, AMI_SECRET, AMI_PBX_NAME } = process.env;
  if (!AMI_HOST || !AMI_USER || !AMI_SECRET)
    throw new Error('AMI_* is not set: run `eval "$(npm run -s peers -- up)"` first');
  return {
    name: AMI_PBX_NAME ?? 'pbx',
    host: AMI_HOST,
    port: Number(AMI_PORT ?? 5038),
    user: AMI_USER,
    secret: AMI_SECRET,
  };
}

/** Host pid of the PBX's asterisk (the chroot shares the pid namespace). */
export function pbxPid(): number {
  const chroot = process.env.PEERS_CHROOT;
  if (!chroot) throw new Error('PEERS_CHROOT is not set');
  return Number(readFileSync(path.join(chroot, 'opt/b24cc/pbx/run/asterisk.pid'), 'utf8').trim());
}

/** Runs an Asterisk CLI command on the PBX through the peers script. */
export async function pbxCli(command: string): Promise<string> {
  const { stdout } = await run('bash', ['scripts/peers/peers.sh', 'cli', 'pbx', command], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
  });
  return stdout;
}

/**
 * `core restart now` and wait until the PBX answers its CLI again and has qualified its gateways (bounded); with
 * `qualified: false` it returns as soon as the PBX has booted, while its gateways are still NonQual.
 */
export async function restartPbx({ qualified = true }: { qualified?: boolean } = {}): Promise<void> {
  await pbxCli('core restart now').catch(() => undefined);
  const deadline = Date.now() + 20_000;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ok = await pbxCli('core waitfullybooted').then(
      () => true,
      () => false,
    );
    if (ok) return qualified ? waitForQualifiedContacts(deadline) : undefined;
    if (Date.now() > deadline) throw new Error('PBX did not come back within 20 s of core restart now');
  }
}

/**
 * Until the restarted PBX has qualified its gateways' contacts (each starts NonQual, its endpoint UNAVAILABLE): a test
 * that restarts the PBX leaves the lines as reachable as it found them for the tests after it.
 */
export async function waitForQualifiedContacts(deadline = Date.now() + 20_000): Promise<void> {
  for (;;) {
    const contacts = await pbxCli('pjsip show contacts').catch(() => null);
    if (contacts !== null && !/Contact: +gw_\S+ +\S+ +(NonQual|Unknown)\b/.test(contacts)) return;
    if (Date.now() > deadline) throw new Error('the PBX had not qualified its gateways within 20 s of its restart');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A crash: SIGKILL the PBX (no Hangup events reach AMI), then bring it back with `peers up`. */
export async function crashAndRestartPbx(): Promise<void> {
  process.kill(pbxPid(), 'SIGKILL');
  // Bounded: a stuck `up` (e.g. waiting on the peers lock) must fail this test, not every test after it.
  await run('bash', ['scripts/peers/peers.sh', 'up'], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    timeout: 60_000,
  });
  await waitForQualifiedContacts(Date.now() + 20_000);
}

/** Runs an Asterisk CLI command on the gateway simulator (it plays desk phones and GSM callers too). */
export async function gatewayCli(command: string): Promise<string> {
  const { stdout } = await run('bash', ['scripts/peers/peers.sh', 'cli', 'gw', command], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
  });
  return stdout;
}
