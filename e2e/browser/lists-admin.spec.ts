import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';

/** The portal iframe must fit 1280 px without a horizontal scrollbar. */
const fitsWidth = (root: FrameLocator): Promise<boolean> =>
  root.locator('html').evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function openLists(page: Page, url: string, lang: 'ru' | 'en' = 'ru'): Promise<FrameLocator> {
  await page.goto(`${url}/portal/app?path=/admin/lists&user=1&lang=${lang}`);
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame', { timeout: 90_000 });
  await expect(frame.getByTestId('neverRecord-section')).toBeVisible({ timeout: 60_000 });
  return frame;
}

test.describe('lists inside the portal', () => {
  test.beforeAll(async ({ request }) => {
    await installDemoPortal(request);
  });

  test(
    'an admin adds a never-record number and a whitelisted user, saves, and finds them after a reload; a bad ' +
      'value is shown at its field',
    async ({ page, request }) => {
      const { url } = emulatorControl(request);
      let frame = await openLists(page, url);
      await expect(frame.getByRole('heading', { name: 'Списки', level: 2 })).toBeVisible();
      await expect(frame.getByTestId('lists-intro')).toContainText('никогда');

      const before = await frame.getByTestId(/^neverRecord-\d+$/).count();
      await frame.getByTestId('neverRecord-add').click();
      await frame.getByTestId(`neverRecord-${before}-value`).fill('+7 495 111-22-33');
      await frame.getByTestId(`neverRecord-${before}-note`).fill('Доставка воды');
      // A user from the Bitrix24 directory, picked by name.
      const users = await frame.getByTestId(/^whitelistUsers-\d+$/).count();
      const picker = frame.getByTestId('whitelistUsers-picker');
      const firstUser = await picker.locator('option').nth(1).getAttribute('value');
      await picker.selectOption(firstUser!);
      await frame.getByTestId('whitelistUsers-add-picked').click();
      await expect(frame.getByTestId(`whitelistUsers-${users}-value`)).toHaveValue(firstUser!);
      await frame.getByTestId('save-settings').click();
      await expect(frame.getByTestId('save-status')).toHaveText('Сохранено');

      frame = await openLists(page, url);
      const saved = frame.getByTestId(`neverRecord-${before}`);
      await expect(saved.getByTestId(`neverRecord-${before}-value`)).toHaveValue('74951112233');
      await expect(saved.getByTestId(`neverRecord-${before}-meaning`)).toHaveText('+7 495 111-22-33');
      await expect(saved.getByTestId(`neverRecord-${before}-note`)).toHaveValue('Доставка воды');
      await expect(frame.getByTestId(`whitelistUsers-${users}-value`)).toHaveValue(firstUser!);
      expect(await fitsWidth(frame)).toBe(true);

      // Not a number and not digits followed by *: refused, the message under that field, nothing stored.
      await frame.getByTestId('neverRecord-add').click();
      await frame.getByTestId(`neverRecord-${before + 1}-value`).fill('суд*');
      await frame.getByTestId('save-settings').click();
      const fieldError = frame.locator(`[data-testid="field-error"][data-field="neverRecord.${before + 1}.value"]`);
      await expect(fieldError).toHaveText('Номер телефона или цифры со звёздочкой в конце (7495123*)');
      await expect(frame.getByTestId(`neverRecord-${before + 1}`).getByTestId('field-error')).toHaveCount(1);
      await expect(frame.getByTestId('save-status')).toContainText('Списки не сохранены');
      await page.screenshot({ path: test.info().outputPath('lists.png'), fullPage: true });

      // A pattern is fine; the same number spelt with 8 is a duplicate.
      await frame.getByTestId(`neverRecord-${before + 1}-value`).fill('8 495 123*');
      await frame.getByTestId('neverRecord-add').click();
      await frame.getByTestId(`neverRecord-${before + 2}-value`).fill('84951112233');
      await frame.getByTestId('save-settings').click();
      await expect(
        frame.locator(`[data-testid="field-error"][data-field="neverRecord.${before + 2}.value"]`),
      ).toHaveText('Уже есть в этом списке');
      await frame.getByTestId(`neverRecord-${before + 2}-remove`).click();
      await frame.getByTestId('save-settings').click();
      await expect(frame.getByTestId('save-status')).toHaveText('Сохранено');
      await expect(frame.getByTestId(`neverRecord-${before + 1}-value`)).toHaveValue('7495123*');
    },
  );

  test('a non-admin sees no lists: the page says so, in English', async ({ page, request }) => {
    const { url } = emulatorControl(request);
    await page.goto(`${url}/portal/app?path=/admin/lists&user=2&lang=en`);
    const frame = page.frameLocator('#app-frame');
    await expect(frame.getByRole('heading', { name: 'Lists', level: 2 })).toBeVisible({ timeout: 90_000 });
    await expect(frame.getByTestId('settings-load-failed')).toContainText('Only a portal admin can see this data', {
      timeout: 60_000,
    });
    await expect(frame.getByTestId('neverRecord-section')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('lists-en-non-admin.png'), fullPage: true });
  });
});
