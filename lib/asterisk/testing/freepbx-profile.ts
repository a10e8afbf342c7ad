import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PbxConfig } from '../../config/schema';
import { splitKitSections } from '../kit/split-kit-sections';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The FreePBX-shaped test PBX from `npm run peers -- up` (scripts/peers, instance fpbx), as the app would see it. */
export function freepbxTestPbx(user?: string): PbxConfig {
  const { FREEPBX_AMI_HOST, FREEPBX_AMI_PORT, FREEPBX_AMI_USER, FREEPBX_AMI_SECRET } = process.env;
  if (!FREEPBX_AMI_HOST || !FREEPBX_AMI_USER || !FREEPBX_AMI_SECRET)
    throw new Error('FREEPBX_AMI_* is not set: run `eval "$(npm run -s peers -- up)"` first');
  const login = { host: FREEPBX_AMI_HOST, port: Number(FREEPBX_AMI_PORT), secret: FREEPBX_AMI_SECRET };
  return { name: 'fpbx', ...login, user: user ?? FREEPBX_AMI_USER };
}

/** Runs an Asterisk CLI command on the FreePBX-shaped PBX. */
export async function freepbxCli(command: string): Promise<string> {
  const { stdout } = await run('bash', ['scripts/peers/peers.sh', 'cli', 'fpbx', command], { cwd: ROOT });
  return stdout;
}

const etc = () => {
  const chroot = process.env.PEERS_CHROOT;
  if (!chroot) throw new Error('PEERS_CHROOT is not set');
  return path.join(chroot, 'opt/b24cc/fpbx/etc');
};

/**
 * Installs an install kit the way an admin would on FreePBX: its dialplan into extensions_custom.conf and its globals
 * into globals_custom.conf (the profile try-includes b24-kit-*.conf from there), then reloads the dialplan.
 */
export async function installKitOnFreepbx(text: string): Promise<void> {
  const { globals, dialplan } = splitKitSections({ text });
  // globals_custom.conf is included inside FreePBX's own [globals]: the kit's header line stays out
  await writeFile(path.join(etc(), 'b24-kit-globals.conf'), globals.replace(/^\[globals\]$/m, ''));
  await writeFile(path.join(etc(), 'b24-kit-extensions.conf'), dialplan);
  await freepbxCli('dialplan reload');
}

/** Back to the profile as `peers.sh up` renders it (no kit), so its config hash is unchanged. */
export async function removeKitFromFreepbx(): Promise<void> {
  await rm(path.join(etc(), 'b24-kit-globals.conf'), { force: true });
  await rm(path.join(etc(), 'b24-kit-extensions.conf'), { force: true });
  await freepbxCli('dialplan reload');
}
