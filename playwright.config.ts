import { defineConfig } from '@playwright/test';
import { assertLocalDatabase } from './e2e/support/assert-local-database';
import {
  APP_PORT,
  APP_URL,
  E2E_CLIENT_ID,
  E2E_CLIENT_SECRET,
  E2E_DATABASE_URL,
  E2E_DIALPLAN_SECRET,
  E2E_OPERATOR_TOKEN,
  emulatorUrl,
} from './e2e/support/e2e-env';

/**
 * E2E: the app (next dev by default; E2E_APP_CMD overrides, e.g. "npm run build && npm run start") against the
 * Bitrix24 emulator, in Debian's Chromium. Only loopback addresses; only a local database.
 */
assertLocalDatabase(process.env.DATABASE_URL);
const emulator = emulatorUrl();

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
    baseURL: APP_URL,
    trace: 'on',
    screenshot: 'on',
  },
  projects: [
    { name: 'api', testMatch: 'api/**/*.spec.ts' },
    {
      name: 'browser',
      testMatch: 'browser/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
        },
      },
    },
  ],
  webServer: {
    // Emptied, then migrated first, as `npm run app` does: otherwise the app's background work (outbox, call tracking)
    // polls tables that do not exist yet until global setup has run, and the app caches the last run's numbering data.
    command:
      `npx tsx e2e/support/empty-app-database.ts && npm run --silent db:migrate && ` +
      `${process.env.E2E_APP_CMD ?? `npx next dev --port ${APP_PORT} --hostname 127.0.0.1`}`,
    url: `${APP_URL}/`,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(APP_PORT),
      PUBLIC_URL: APP_URL,
      DATABASE_URL: E2E_DATABASE_URL,
      DIALPLAN_SECRET: E2E_DIALPLAN_SECRET,
      OPERATOR_TOKEN: E2E_OPERATOR_TOKEN,
      // Its own dialplan listener port, so a developer's running app (default 3001) and the test app never collide.
      DIALPLAN_LISTEN: `127.0.0.1:${APP_PORT + 1}`,
      // The real Asterisk pair when `npm run peers -- up` exported it (npm test does); the app runs without it too.
      ...Object.fromEntries(
        ['AMI_HOST', 'AMI_PORT', 'AMI_USER', 'AMI_SECRET', 'AMI_PBX_NAME'].flatMap((k) =>
          process.env[k] ? [[k, process.env[k]!]] : [],
        ),
      ),
      B24_CLIENT_ID: E2E_CLIENT_ID,
      B24_CLIENT_SECRET: E2E_CLIENT_SECRET,
      B24_OAUTH_URL: emulator,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
