/** `npm run emulator [-- --port 4100 --app http://127.0.0.1:3100]`: a demo portal for manual checks. */
import { parseArgs } from 'node:util';
import { createDemoPortal } from './demo-portal';
import { startEmulator } from './start-emulator';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.B24_EMULATOR_PORT ?? '4100' },
    app: { type: 'string', default: process.env.APP_URL ?? 'http://127.0.0.1:3100' },
  },
});

const emulator = await startEmulator({ port: Number(values.port), appUrl: values.app, portals: [createDemoPortal()] });
const install = emulator.installAuth('demo-member-0001', 1);
console.log(`Bitrix24 emulator on ${emulator.url}`);
console.log(`  portal page:   ${emulator.url}/portal/app?path=/&user=1`);
console.log(`  REST endpoint: ${emulator.url}/rest/`);
console.log(`  admin token:   ${install.access_token} (refresh ${install.refresh_token})`);
console.log(
  `  B24_OAUTH_URL=${emulator.url}  B24_CLIENT_ID=${emulator.state.clientId}` +
    `  B24_CLIENT_SECRET=${emulator.state.clientSecret}`,
);

const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
