import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';

const pages = [
  { path: '/admin/trunks', heading: 'Линии и транки', ready: 'trunk-row-0' },
  { path: '/admin/carrier-groups', heading: 'Группы операторов', ready: 'group-0' },
  { path: '/admin/departments', heading: 'Отделы', ready: 'profile-0' },
  { path: '/admin/route-tester', heading: 'Проверка маршрута', ready: 'tester-number' },
];

/** The portal iframe (or the page itself) must fit 1280 px without a horizontal scrollbar. */
const fitsWidth = (root: Page | FrameLocator): Promise<boolean> =>
  root.locator('html').evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function checkRoute(root: Page | FrameLocator): Promise<void> {
  await root.getByTestId('tester-number').fill('79151234567');
  await root.getByTestId('tester-manager').selectOption('101');
  await root.getByTestId('tester-run').click();
  await expect(root.getByTestId('tester-trunk')).toContainText('МТС');
  await expect(root.getByTestId('tester-carrier')).toContainText('МТС');
  await expect(root.getByTestId('tester-reasons')).toContainText('МТС по реестру (диапазон 915…)');
  await expect(root.getByTestId('tester-onnet')).toHaveText('внутри сети');
}

test.describe('standalone', () => {
  // The run's app has Bitrix24 keys: outside a portal nobody is proven, so no portal's settings are shown or changed.
  test('with Bitrix24 configured, every page opens, fits 1280 px and says to open the app in Bitrix24', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const item of pages.filter((entry) => entry.path !== '/admin/route-tester')) {
      await page.goto(item.path);
      await expect(page.getByRole('heading', { name: item.heading, level: 2 })).toBeVisible();
      await expect(page.getByTestId('settings-load-failed')).toContainText('Откройте приложение в Битрикс24', {
        timeout: 60_000,
      });
      expect(await fitsWidth(page), `${item.path} fits 1280 px`).toBe(true);
      await page.screenshot({
        path: test.info().outputPath(`standalone${item.path.replaceAll('/', '-')}.png`),
        fullPage: true,
      });
    }
    expect(errors).toEqual([]);
  });
});

test.describe('inside the portal', () => {
  test.beforeAll(async ({ request }) => {
    await installDemoPortal(request);
  });

  const open = async (page: Page, url: string, path: string, user: number) => {
    await page.goto(`${url}/portal/app?path=${path}&user=${user}&lang=ru`);
    const frame = page.frameLocator('#app-frame');
    await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame', { timeout: 90_000 });
    return frame;
  };
  const cap = (frame: FrameLocator): Locator => frame.getByTestId('trunk-row-2').getByTestId('trunk-2-callsPerDay');

  test('an admin edits a cap, saves, and sees it persisted; a bad value is shown at its field', async ({
    page,
    request,
  }) => {
    const { url } = emulatorControl(request);
    let frame = await open(page, url, '/admin/trunks', 1);
    await expect(cap(frame)).toHaveValue('150', { timeout: 60_000 });
    await cap(frame).fill('-3');
    await frame.getByTestId('save-settings').click();
    const fieldError = frame.locator('[data-testid="field-error"][data-field="trunks.2.caps.callsPerDay"]');
    await expect(fieldError).toHaveText('Не может быть отрицательным');
    await expect(frame.getByTestId('trunk-row-2').getByTestId('field-error')).toHaveCount(1);
    await expect(frame.getByTestId('save-status')).toContainText('Настройки не сохранены');
    await page.screenshot({ path: test.info().outputPath('portal-trunks-field-error.png'), fullPage: true });

    await cap(frame).fill('140');
    await frame.getByTestId('save-settings').click();
    await expect(frame.getByTestId('save-status')).toHaveText('Сохранено');
    await expect(fieldError).toHaveCount(0);
    frame = await open(page, url, '/admin/trunks', 1);
    await expect(cap(frame)).toHaveValue('140', { timeout: 60_000 });
    expect(await fitsWidth(frame)).toBe(true);

    await cap(frame).fill('150');
    await frame.getByTestId('save-settings').click();
    await expect(frame.getByTestId('save-status')).toHaveText('Сохранено');
  });

  test('every page inside the portal frame, with screenshots', async ({ page, request }) => {
    const { url } = emulatorControl(request);
    for (const item of pages) {
      const frame = await open(page, url, item.path, 1);
      await expect(frame.getByTestId(item.ready)).toBeVisible({ timeout: 60_000 });
      expect(await fitsWidth(frame), `${item.path} fits the frame`).toBe(true);
      if (item.path === '/admin/departments') {
        await expect(frame.getByTestId('profile-1-hr-numbers')).toContainText('HR: ровно два номера (2/2)');
        await expect(frame.getByTestId('profile-1-hr-numbers')).toContainText('74950000201');
      }
      if (item.path === '/admin/route-tester') await checkRoute(frame);
      await page.screenshot({
        path: test.info().outputPath(`portal${item.path.replaceAll('/', '-')}.png`),
        fullPage: true,
      });
    }
  });

  test('the carrier groups page names ИНН and suggests defaults with MVNOs', async ({ page, request }) => {
    const frame = await open(page, emulatorControl(request).url, '/admin/carrier-groups', 1);
    await expect(frame.getByTestId('mvno-note')).toContainText('зависит от вашего договора', { timeout: 60_000 });
    await frame.getByTestId('group-0-new-inn').fill('7740000076');
    await expect(frame.getByTestId('group-0-new-inn-carrier')).toHaveText('МТС');
    await frame.getByTestId('suggest-groups').click();
    const t2 = frame.getByTestId(/^group-\d+$/).filter({ has: frame.locator('input[value="T2"]') });
    await expect(t2.getByTestId('group-inn')).toContainText(['7743895280', 'Т-Мобайл']);
    await expect(frame.getByTestId('save-status')).toHaveText('Есть несохранённые изменения');
  });

  test('an expired frame token is refreshed through the portal and the request repeated', async ({ page, request }) => {
    const emulator = emulatorControl(request);
    // The server's first user.admin check meets an expired token: the page gets 401, refreshes, and retries.
    await emulator.failNext('user.admin', 'expired_token');
    const frame = await open(page, emulator.url, '/admin/departments', 1);
    await expect(frame.getByTestId('profile-1-hr-numbers')).toContainText('(2/2)', { timeout: 60_000 });
    const commands = await page.evaluate(() =>
      (window as unknown as { __b24Messages: { command: string }[] }).__b24Messages.map((m) => m.command),
    );
    expect(commands).toContain('refreshAuth');
    expect((await emulator.calls('user.admin')).some((call) => call.status === 401)).toBe(true);
  });

  test("a non-admin sees no routing settings: the page says they are the portal admin's", async ({ page, request }) => {
    const frame = await open(page, emulatorControl(request).url, '/admin/trunks', 2);
    await expect(frame.getByTestId('settings-load-failed')).toContainText(
      'Только администратор портала может смотреть эти данные',
      { timeout: 60_000 },
    );
    await expect(cap(frame)).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('portal-trunks-non-admin-refused.png'), fullPage: true });
  });
});

test('in English the pages and the route reasons follow the portal language', async ({ page, request }) => {
  await installDemoPortal(request);
  await page.goto(`${emulatorControl(request).url}/portal/app?path=/admin/route-tester&user=2&lang=en`);
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByRole('heading', { name: 'Route tester', level: 2 })).toBeVisible({ timeout: 90_000 });
  await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame', { timeout: 90_000 });
  await frame.getByTestId('tester-number').fill('+7 915 123-45-67');
  await frame.getByTestId('tester-manager').selectOption('201');
  await frame.getByTestId('tester-run').click();
  await expect(frame.getByTestId('tester-trunk')).toContainText('HR-2');
  await expect(frame.getByTestId('tester-reasons')).toContainText('МТС by the registry (range 915…)');
  await expect(frame.getByTestId('tester-profile')).toContainText('HR');
  await page.screenshot({ path: test.info().outputPath('portal-route-tester-en.png'), fullPage: true });
});
