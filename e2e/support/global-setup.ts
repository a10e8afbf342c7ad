/** Starts the Bitrix24 emulator with the demo portal for the whole run; the returned function stops it. */
import { createDemoPortal } from '../bitrix24-emulator/demo-portal';
import { startEmulator } from '../bitrix24-emulator/start-emulator';
import { APP_URL, DEMO_MEMBER_ID, E2E_CLIENT_ID, E2E_CLIENT_SECRET, emulatorPort } from './e2e-env';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const emulator = await startEmulator({
    port: emulatorPort(),
    appUrl: APP_URL,
    clientId: E2E_CLIENT_ID,
    clientSecret: E2E_CLIENT_SECRET,
    portals: [createDemoPortal(DEMO_MEMBER_ID)],
  });
  process.env.E2E_EMULATOR_URL = emulator.url;
  return () => emulator.close();
}
