import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_MEMBER_ID } from '../support/e2e-env';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';
import { withAppDb } from '../support/with-app-db';

/** A portal as it is right after install: no lines, carrier groups, department profiles or default line. */
async function clearRoutingSettings(): Promise<void> {
  await withAppDb(async (db) => {
    const portal = await db.portal.findUniqueOrThrow({ where: { memberId: DEMO_MEMBER_ID } });
    const where = { portalId: portal.id };
    await db.portalSettings.updateMany({ where, data: { defaultTrunkId: null } });
    await db.departmentProfile.deleteMany({ where });
    await db.trunk.deleteMany({ where });
    await db.carrierGroup.deleteMany({ where });
  });
}

async function open(page: Page, url: string, path: string): Promise<FrameLocator> {
  await page.goto(`${url}/portal/app?path=${path}&user=1&lang=ru`);
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame', { timeout: 90_000 });
  await expect(frame.getByTestId('settings-page')).toHaveAttribute('data-state', 'clean', { timeout: 60_000 });
  return frame;
}

/** What the app's beforeunload handler answers right now: true when leaving would be questioned. */
const leavingAsks = (frame: FrameLocator): Promise<boolean> =>
  frame.locator('html').evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

const tab = (frame: FrameLocator, name: string) => frame.getByRole('navigation').getByRole('link', { name });

test.describe('a new portal set up from the pages alone', () => {
  test.beforeAll(async ({ request }) => {
    await installDemoPortal(request);
    await clearRoutingSettings();
  });
  // The other specs expect the demo settings.
  test.afterAll(async ({ request }) => {
    await installDemoPortal(request);
  });

  test('a line before any group, then a group; the draft survives tab switches and leaving asks first', async ({
    page,
    request,
  }) => {
    const { url } = emulatorControl(request);
    // The setup page lists what a new portal lacks, each step with a link to its page.
    await page.goto(`${url}/portal/app?path=/admin/setup&user=1&lang=ru`);
    let frame = page.frameLocator('#app-frame');
    await expect(frame.getByTestId('setup-lines')).toHaveAttribute('data-state', 'todo', { timeout: 90_000 });
    await expect(frame.getByTestId('setup-groups')).toHaveAttribute('data-state', 'todo');
    await expect(frame.getByTestId('setup-defaultLine')).toHaveAttribute('data-state', 'todo');
    await frame.getByTestId('setup-groups').getByRole('link', { name: 'Открыть' }).click();
    await expect(frame.getByTestId('settings-page')).toHaveAttribute('data-state', 'clean', { timeout: 60_000 });
    await expect(frame.getByTestId('groups-empty')).toContainText('Групп пока нет');
    await tab(frame, 'Линии и транки').click();
    await expect(frame.getByTestId('trunks-empty')).toContainText('Линий пока нет');

    // The line first: no carrier group exists yet, it still saves and becomes the default line.
    await frame.getByTestId('add-trunk').click();
    await frame.getByTestId('trunk-0-name').fill('МТС-1');
    await frame.getByTestId('trunk-0-lineNumber').fill('+7 495 000-00-03');
    await frame.getByTestId('trunk-0-dial').fill('PJSIP/{number}@gw_mts');
    await expect(frame.getByTestId('default-trunk-name')).toHaveText('МТС-1');
    expect(await leavingAsks(frame)).toBe(true);
    await frame.getByTestId('save-settings').click();
    await expect(frame.getByTestId('save-status')).toHaveText('Сохранено');
    await expect(frame.getByTestId('trunk-0-lineNumber')).toHaveValue('74950000003');
    expect(await leavingAsks(frame)).toBe(false);

    // Then a group, not saved yet; moving to the lines tab (same settings) keeps it without asking.
    await tab(frame, 'Группы операторов').click();
    await frame.getByTestId('add-group').click();
    await frame.getByTestId('group-0-name').fill('МТС');
    await frame.getByTestId('group-0-new-inn').fill('7740000076');
    await frame.getByTestId('group-0-add-inn').click();
    let dialogs = 0;
    page.on('dialog', () => {
      dialogs++;
    });
    await tab(frame, 'Линии и транки').click();
    await expect(frame.getByTestId('trunk-0-carrierGroup').locator('option', { hasText: 'МТС' })).toHaveCount(1);
    await frame.getByTestId('trunk-0-carrierGroup').selectOption({ label: 'МТС' });
    await expect(frame.getByTestId('save-status')).toHaveText('Есть несохранённые изменения');
    await expect(tab(frame, 'Группы операторов')).toHaveAttribute('data-unsaved', 'true');
    expect(dialogs).toBe(0);

    // Another kind of page: the switch asks; "cancel" stays, "OK" goes, and the draft is still there on return.
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('не сохранены');
      void dialog.dismiss();
    });
    await tab(frame, 'Журнал звонков').click();
    await expect(frame.getByTestId('trunk-0-carrierGroup')).toBeVisible();
    expect(dialogs).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await tab(frame, 'Журнал звонков').click();
    await expect(frame.getByRole('heading', { name: 'Журнал звонков', level: 2 })).toBeVisible();
    expect(await leavingAsks(frame)).toBe(true);
    await tab(frame, 'Линии и транки').click();
    await expect(frame.getByTestId('trunk-0-carrierGroup').locator('option:checked')).toHaveText('МТС');
    await frame.getByTestId('save-settings').click();
    await expect(frame.getByTestId('save-status')).toHaveText('Сохранено');
    expect(await leavingAsks(frame)).toBe(false);

    // Stored: a reload shows both, and the route tester sends an МТС number through the new line, on-net.
    frame = await open(page, url, '/admin/trunks');
    await expect(frame.getByTestId('trunk-0-carrierGroup').locator('option:checked')).toHaveText('МТС');
    await page.goto(`${url}/portal/app?path=/admin/route-tester&user=1&lang=ru`);
    await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame', { timeout: 90_000 });
    await frame.getByTestId('tester-number').fill('+7 915 123-45-67');
    await frame.getByTestId('tester-run').click();
    await expect(frame.getByTestId('tester-trunk')).toContainText('МТС-1', { timeout: 60_000 });
    await expect(frame.getByTestId('tester-onnet')).toHaveText('внутри сети');
    await page.screenshot({ path: test.info().outputPath('new-portal-route.png'), fullPage: true });
    await tab(frame, 'Первый запуск').click();
    await expect(frame.getByTestId('setup-lines')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(frame.getByTestId('setup-groups')).toHaveAttribute('data-state', 'done');
    await expect(frame.getByTestId('setup-defaultLine')).toHaveAttribute('data-state', 'done');
    await expect(frame.getByTestId('setup-departments')).toHaveAttribute('data-state', 'todo');
    await page.screenshot({ path: test.info().outputPath('new-portal-setup.png'), fullPage: true });
  });
});
