import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { assertLocalDatabase } from './e2e/support/assert-local-database';
import {
  E2E_CLIENT_ID,
  E2E_CLIENT_SECRET,
  E2E_DIALPLAN_SECRET,
  E2E_OPERATOR_TOKEN,
  emulatorUrl,
} from './e2e/support/e2e-env';
import { enabledProfiles, PBX_PROFILES, type PbxProfile } from './e2e/support/pbx-profiles';

/**
 * E2E: the app (next dev by default; E2E_APP_CMD overrides, e.g. "npm run build && npm run start") against the
 * Bitrix24 emulator, in Debian's Chromium. Only loopback addresses; only a local database. With the FreePBX-shaped
 * PBX up (FREEPBX_AMI_* exported), a second app drives it and the specs tagged @pbx-call run again on it.
 */
const profiles = enabledProfiles();
for (const profile of profiles) assertLocalDatabase(profile.databaseUrl);

const browser = {
  browserName: 'chromium' as const,
  headless: true,
  viewport: { width: 1280, height: 900 },
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  },
};

/**
 * next dev, each profile's in its own build folder. With E2E_APP_CMD (a production build) the second app serves the
 * build the first one made: Playwright starts the servers one after another, each once the previous one answers.
 */
function appCommand(profile: PbxProfile): string {
  const listen = `--port ${profile.appPort} --hostname 127.0.0.1`;
  const own = process.env.E2E_APP_CMD;
  if (!own) return `npx next dev ${listen}`;
  return profile.name === 'asterisk' ? own : `npx next start ${listen}`;
}

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>[number];

/** One profile's app: its own port, database, dialplan listener, build folder, PBX and emulator. */
function appServer(profile: PbxProfile): WebServer {
  return {
    // Emptied, then migrated first, as `npm run app` does: otherwise the app's background work (outbox, call
    // tracking) polls tables that do not exist yet until global setup has run, and the app caches the last run's
    // numbering data.
    command: `npx tsx e2e/support/empty-app-database.ts && npm run --silent db:migrate && ${appCommand(profile)}`,
    url: `${profile.appUrl}/`,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(profile.appPort),
      PUBLIC_URL: profile.appUrl,
      DATABASE_URL: profile.databaseUrl,
      DIALPLAN_SECRET: E2E_DIALPLAN_SECRET,
      OPERATOR_TOKEN: E2E_OPERATOR_TOKEN,
      // Its own dialplan listener port, so a developer's running app (default 3001) and the test app never collide.
      DIALPLAN_LISTEN: `127.0.0.1:${profile.appPort + 1}`,
      ...(!process.env.E2E_APP_CMD && { NEXT_DIST_DIR: profile.distDir }),
      // The profile's real PBX when `npm run peers -- up` exported it (npm test does); the app runs without it too.
      ...profile.amiEnv,
      B24_CLIENT_ID: E2E_CLIENT_ID,
      B24_CLIENT_SECRET: E2E_CLIENT_SECRET,
      B24_OAUTH_URL: emulatorUrl(profile.emulatorPortVar),
      NEXT_TELEMETRY_DISABLED: '1',
    },
  };
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  globalSetup: './e2e/support/global-setup.ts',
  // Two cores and one shared emulator with a global failure queue: run tests one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: PBX_PROFILES.asterisk.appUrl,
    trace: 'on',
    screenshot: 'on',
  },
  projects: [
    { name: 'api', testMatch: 'api/**/*.spec.ts' },
    { name: 'browser', testMatch: 'browser/**/*.spec.ts', use: browser, metadata: { pbxProfile: 'asterisk' } },
    // The call-placing tests once more, on the FreePBX-shaped PBX: same files, the profile from the metadata.
    ...(profiles.some((p) => p.name === 'freepbx')
      ? [
          {
            name: 'browser-freepbx',
            testMatch: 'browser/**/*.spec.ts',
            grep: /@pbx-call/,
            use: { ...browser, baseURL: PBX_PROFILES.freepbx.appUrl },
            metadata: { pbxProfile: 'freepbx' },
          },
        ]
      : []),
  ],
  webServer: profiles.map(appServer),
});
