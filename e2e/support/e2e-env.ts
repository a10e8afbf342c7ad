/**
 * Addresses shared by playwright.config.ts, the global setup and the specs. The emulator port is picked once in the
 * runner's main process and handed to workers through the environment (they re-evaluate the config).
 */
import { execFileSync } from 'node:child_process';

export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const DEMO_MEMBER_ID = 'demo-member-0001';
export const E2E_CLIENT_ID = 'local.e2e-app';
export const E2E_CLIENT_SECRET = 'e2e-client-secret-0123456789';
export const E2E_DIALPLAN_SECRET = 'e2e-dialplan-secret-0123456789';
/** The installation operator's token: registry and MNP uploads need it once app keys are set. */
export const E2E_OPERATOR_TOKEN = 'e2e-operator-token-0123456789';
/** The app under test's database: a local SQLite file unless DATABASE_URL says otherwise (guarded to local ones). */
export const E2E_DATABASE_URL = process.env.DATABASE_URL ?? 'file:./data/e2e.db';

/** A free loopback port, found synchronously (config evaluation can't await). */
function pickFreePort(): number {
  const script =
    "const s=require('net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/** `variable`: where the port is kept, one per PBX profile's emulator (pbx-profiles.ts). */
export function emulatorPort(variable = 'E2E_EMULATOR_PORT'): number {
  process.env[variable] ??= String(pickFreePort());
  return Number(process.env[variable]);
}

export function emulatorUrl(variable = 'E2E_EMULATOR_PORT'): string {
  return `http://127.0.0.1:${emulatorPort(variable)}`;
}
