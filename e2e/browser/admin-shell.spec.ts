import { expect, test } from '@playwright/test';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';

test('standalone: the admin shell and the health overview render without Bitrix24', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Звонки через SIM оператора клиента' })).toBeVisible();
  await expect(page.getByTestId('health')).toBeVisible();
  // Without an admin session the overview gives each verdict, never file names or addresses.
  await expect(page.getByTestId('health-registry')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('health-registry')).not.toContainText('DEF-9xx.csv');
  await expect(page.getByTestId('health-database')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByText('Открыто вне Битрикс24')).toBeVisible();
  // Fits the portal's iframe at 1280 px: no horizontal scrollbar.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('admin-overview-standalone.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('inside the portal: English from Bitrix24 LANG, real b24jssdk connected', async ({ page, request }) => {
  // A configured portal: one with nothing set up opens the setup wizard instead (setup-wizard.spec.ts).
  await installDemoPortal(request);
  await page.goto(`${emulatorControl(request).url}/portal/app?path=/admin&user=1&lang=en`);
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByRole('heading', { name: "Calls through the client's carrier SIM" })).toBeVisible();
  await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame', { timeout: 90_000 });
  await expect(frame.getByTestId('health')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('admin-overview-in-portal.png'), fullPage: true });
});
