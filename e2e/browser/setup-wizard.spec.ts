import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import { currentCallLog, currentProfile } from '../support/current-profile';
import { DEMO_MEMBER_ID } from '../support/e2e-env';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';
import { withAppDb } from '../support/with-app-db';

/** The admin's own mobile for the test call: an MTS range in the bundled registry. */
const ADMIN_MOBILE = '79151234567';

/** A portal right after install: no lines, groups, profiles, default line or whitelist entries. */
async function emptyPortalSettings(): Promise<void> {
  await withAppDb(async (db) => {
    const portal = await db.portal.findUniqueOrThrow({ where: { memberId: DEMO_MEMBER_ID } });
    const where = { portalId: portal.id };
    await db.portalSettings.updateMany({ where, data: { defaultTrunkId: null } });
    await db.departmentProfile.deleteMany({ where });
    await db.trunk.deleteMany({ where });
    await db.carrierGroup.deleteMany({ where });
    await db.listEntry.deleteMany({ where });
  });
}

const leavingAsks = (frame: FrameLocator): Promise<boolean> =>
  frame.locator('html').evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

/** The PBX's name of the trunk a dial template dials: `gw_mts` of `PJSIP/{number}@gw_mts`, `MegaFon-IAX` of IAX2's. */
const endpointOf = (dial: string): string => /@(.+)$/.exec(dial)?.[1] ?? dial.split('/')[1]!;

const tab = (frame: FrameLocator, name: string) => frame.getByRole('navigation').getByRole('link', { name });

async function goTo(frame: FrameLocator, step: string): Promise<void> {
  await frame.getByTestId(`wizard-go-${step}`).click();
  await expect(frame.getByTestId(`wizard-step-${step}`)).toBeVisible();
}

async function openApp(page: Page, url: string): Promise<FrameLocator> {
  // The app's placement opens /admin; with nothing configured an admin lands in the wizard.
  await page.goto(`${url}/portal/app?path=/admin&user=1&lang=ru`);
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByTestId('wizard')).toBeVisible({ timeout: 90_000 });
  await expect(frame.getByTestId('wizard')).toHaveAttribute('data-state', 'clean', { timeout: 60_000 });
  return frame;
}

test.describe('a new portal set up with the wizard alone', () => {
  test.beforeAll(async ({ request }) => {
    await installDemoPortal(request);
    await emptyPortalSettings();
  });
  // The other specs expect the demo settings and empty lists.
  test.afterAll(async ({ request }) => {
    await emptyPortalSettings();
    await installDemoPortal(request);
  });

  // @pbx-call: runs on each PBX profile (playwright.config.ts), the trunks as that PBX names them.
  test('PBX trunks → lines, groups, Sales/HR with two numbers, default line; the route tester and a test call', {
    tag: '@pbx-call',
  }, async ({ page, request }) => {
    test.setTimeout(240_000);
    const { url } = emulatorControl(request);
    const frame = await openApp(page, url);
    const { amiEnv, trunkDials } = currentProfile();
    const realPbx = amiEnv !== null;

    // Fits the portal's 1280 px iframe with its one more tab.
    expect(await frame.locator('html').evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
      true,
    );

    // 1–2. The PBX's trunks over AMI become proposed lines; HR's gateways have no carrier name: added by hand.
    if (realPbx) await expect(frame.getByTestId('wizard-pbxes')).toContainText(endpointOf(trunkDials.mts!));
    await goTo(frame, 'lines');
    if (realPbx) {
      const proposals = frame.getByTestId(/^wizard-proposal-\d+$/);
      await expect(proposals.filter({ hasText: trunkDials.mts! })).toHaveCount(1);
      await frame.getByTestId('wizard-proposals-add-all').click();
    } else {
      for (const [name, trunk] of [
        ['Билайн', 'gw_beeline'],
        ['МегаФон', 'gw_megafon'],
        ['МТС', 'gw_mts'],
      ]) {
        await frame.getByTestId('wizard-manual-name').fill(name!);
        await frame.getByTestId('wizard-manual-dial').fill(`PJSIP/{number}@${trunk}`);
        await frame.getByTestId('wizard-manual-add').click();
      }
    }
    for (const [name, trunk] of [
      ['HR-1', 'hr1'],
      ['HR-2', 'hr2'],
    ]) {
      await frame.getByTestId('wizard-manual-name').fill(name!);
      await frame.getByTestId('wizard-manual-dial').fill(trunkDials[trunk!]!);
      await frame.getByTestId('wizard-manual-add').click();
    }
    await expect(frame.getByTestId('wizard-lines').locator('li')).toHaveCount(5);
    for (let i = 0; i < 5; i++) await frame.getByTestId(`wizard-line-${i}-lineNumber`).fill(`+7 495 000-00-1${i}`);
    // The carrier lines come in the PBX's order of its trunks; the two HR lines follow them.
    const names = await frame
      .getByTestId(/^wizard-line-\d+-name$/)
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const mts = names.indexOf('МТС');
    expect(names.slice(3)).toEqual(['HR-1', 'HR-2']);
    await expect(frame.getByTestId(`wizard-line-${mts}-group`).locator('option:checked')).toHaveText('без группы');

    // The draft is the lines page's draft: it is there on that tab (no question asked) and still here on return.
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    expect(await leavingAsks(frame)).toBe(true);
    await tab(frame, 'Линии и транки').click();
    await expect(frame.getByTestId(`trunk-${mts}-dial`)).toHaveValue(trunkDials.mts!);
    await tab(frame, 'Мастер').click();
    await expect(frame.getByTestId('wizard')).toHaveAttribute('data-state', 'dirty');
    // Another kind of page asks first (dismissed: we stay).
    await tab(frame, 'Журнал звонков').click();
    expect(dialogs).toBe(1);
    await expect(frame.getByTestId('wizard')).toBeVisible();

    // 3. Groups after the lines: each carrier line joins its group.
    await goTo(frame, 'groups');
    await frame.getByTestId('wizard-groups-fill').click();
    await expect(frame.getByTestId('wizard-groups').locator('li')).toHaveCount(4);
    await goTo(frame, 'lines');
    await expect(frame.getByTestId(`wizard-line-${mts}-group`).locator('option:checked')).toHaveText('МТС');
    // HR's gateways say no carrier: their SIMs' carriers are picked by hand.
    await expect(frame.getByTestId('wizard-line-3-group').locator('option:checked')).toHaveText('без группы');
    await frame.getByTestId('wizard-line-3-group').selectOption({ label: 'Билайн' });
    await frame.getByTestId('wizard-line-4-group').selectOption({ label: 'МТС' });

    // 4. Departments from Bitrix24 (the demo portal has "Компания" and "Отдел продаж"), HR's two numbers.
    await goTo(frame, 'departments');
    await frame.getByTestId('wizard-departments-sync').click();
    // The cache held the demo's own names until Bitrix24 answered; its "Компания" proves the answer arrived.
    await expect(frame.getByTestId('wizard-hr-department').locator('option', { hasText: 'Компания' })).toHaveCount(1);
    await expect(frame.getByTestId('wizard-departments-count')).toHaveText('Отделов: 2');
    await frame.getByTestId('wizard-sales-department').selectOption({ label: 'Отдел продаж' });
    await frame.getByTestId('wizard-hr-department').selectOption({ label: 'Компания' });
    await frame.getByTestId('wizard-hr-line-1').selectOption({ label: 'HR-1' });
    await frame.getByTestId('wizard-hr-line-2').selectOption({ label: 'HR-2' });

    // 5. The default line (the first line became it by itself): МТС instead.
    await goTo(frame, 'defaultLine');
    await expect(frame.getByTestId('wizard-default-line').locator('option:checked')).toHaveText(names[0]!);
    await frame.getByTestId('wizard-default-line').selectOption({ label: 'МТС' });
    await frame.getByTestId('save-settings').click();
    await expect(frame.getByTestId('save-status')).toHaveText('Сохранено', { timeout: 30_000 });
    expect(await leavingAsks(frame)).toBe(false);

    // 6. The whitelist offer.
    await goTo(frame, 'whitelist');
    await frame.getByTestId('wizard-whitelist-sales').click();
    await expect(frame.getByTestId('wizard-whitelist-status')).toHaveText('Отдел продаж в белом списке.');

    // 7. What to paste into the PBX (the kit names the saved lines).
    await goTo(frame, 'check');
    await frame.getByTestId('wizard-kit-show').click();
    await expect(frame.getByTestId('wizard-kit')).toContainText('b24-kit');

    // Stored: what the wizard set is what the database holds.
    const stored = await withAppDb(async (db) => {
      const portal = await db.portal.findUniqueOrThrow({ where: { memberId: DEMO_MEMBER_ID } });
      const profiles = await db.departmentProfile.findMany({ where: { portalId: portal.id } });
      const settings = await db.portalSettings.findUnique({
        where: { portalId: portal.id },
        include: { defaultTrunk: true },
      });
      return {
        portalId: portal.id,
        trunks: await db.trunk.count({ where: { portalId: portal.id } }),
        groups: await db.carrierGroup.count({ where: { portalId: portal.id } }),
        kinds: profiles.map((p) => p.kind).sort(),
        defaultLine: settings?.defaultTrunk?.name,
      };
    });
    expect(stored).toMatchObject({ trunks: 5, groups: 4, kinds: ['hr', 'sales'], defaultLine: 'МТС' });

    // The route tester sends a client's MTS number through the MTS line, on-net.
    await tab(frame, 'Проверка маршрута').click();
    await frame.getByTestId('tester-number').fill(`+${ADMIN_MOBILE}`);
    await frame.getByTestId('tester-run').click();
    await expect(frame.getByTestId('tester-trunk')).toContainText('МТС', { timeout: 60_000 });
    await expect(frame.getByTestId('tester-onnet')).toHaveText('внутри сети');
    await tab(frame, 'Первый запуск').click();
    for (const step of ['lines', 'groups', 'departments', 'hrNumbers', 'defaultLine', 'whitelist'])
      await expect(frame.getByTestId(`setup-${step}`)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });

    // 8. The test call: the admin's desk phone, then their own mobile through the МТС line.
    // The emulator's admin has extension 100, which the test PBX lacks; its desk phones are 101–103.
    await withAppDb((db) =>
      db.user.updateMany({ where: { portalId: stored.portalId, b24UserId: 1 }, data: { extension: '101' } }),
    );
    await tab(frame, 'Мастер').click();
    await goTo(frame, 'test');
    await expect(frame.getByTestId('wizard-test-line').locator('option:checked')).toHaveText('МТС');
    await frame.getByTestId('wizard-test-number').fill(`+${ADMIN_MOBILE}`);
    const startedAt = Date.now() - 1_000;
    await frame.getByTestId('wizard-test-call').click();
    const result = frame.getByTestId('wizard-test-result');
    if (realPbx) {
      await expect(result).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
      await expect(result).toContainText('МТС');
      const callLog = currentCallLog();
      if (callLog) {
        const entry = await waitForCallLogEntry({
          path: callLog,
          matches: (e) => e.number === ADMIN_MOBILE && Date.parse(e.time) >= startedAt,
          timeoutMs: 30_000,
        });
        expect(entry.gateway).toBe('mts');
      }
      const row = await withAppDb((db) =>
        db.call.findFirst({
          where: { portalId: stored.portalId, number: ADMIN_MOBILE, startedAt: { gte: new Date(startedAt) } },
        }),
      );
      expect(row).toMatchObject({ origin: 'click_to_call', extension: '101', trunkName: 'МТС' });
    } else {
      await expect(result).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
    }
    await page.screenshot({ path: test.info().outputPath('wizard-test-call.png'), fullPage: true });
  });
});
