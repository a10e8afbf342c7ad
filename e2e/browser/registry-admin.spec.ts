import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import { APP_URL, DEMO_MEMBER_ID, E2E_OPERATOR_TOKEN } from '../support/e2e-env';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';

/**
 * The Registry page inside the portal, as an admin: registry uploads (accepted with a diff, refused with line numbers
 * and nothing changed), an MNP upload, a per-number override — each checked through the page's lookup box, which
 * answers like the dialplan. The registry and MNP data are app-wide, so the bundled DEF file is put back at the end.
 */
const BUNDLED_DEF = readFileSync(path.join(process.cwd(), 'data/registry/DEF-9xx.csv'));
const BUNDLED_TEXT = BUNDLED_DEF.toString('utf8');

// A Beeline range in Belgorod no other spec dials: moved to MegaFon in the test's copy of the file.
const MOVED_ROW = '903;0240000;0249999;10000;ПАО "ВЫМПЕЛКОМ";Белгородская обл.;Белгородская область;7713076301';
const MOVED_TO = '903;0240000;0249999;10000;ПАО "МЕГАФОН";Белгородская обл.;Белгородская область;7812014560';
const MOVED_NUMBER = '+7 903 024-56-78';
// Moscow Beeline numbers: one ported to MTS by the MNP file, one pinned by an override.
const PORTED_NUMBER = '79031234567';
const OVERRIDE_NUMBER = '79031234569';

function movedFile(): Buffer {
  expect(BUNDLED_TEXT.split('\n')).toContain(MOVED_ROW);
  return Buffer.from(BUNDLED_TEXT.replace(MOVED_ROW, MOVED_TO), 'utf8');
}

/** The moved file with one garbage row inserted; returns the file and that row's line number (the header is line 1). */
function fileWithGarbageRow(): { file: Buffer; line: number } {
  const lines = movedFile().toString('utf8').split('\n');
  const at = 10;
  lines.splice(at, 0, '903;это не диапазон;;;мусор');
  return { file: Buffer.from(lines.join('\n'), 'utf8'), line: at + 1 };
}

const PORT_ALL = [
  'Number,OwnerId,MNC,Route,RegionCode,PortDate,RowCount',
  `${PORTED_NUMBER.slice(1)},mMTS,01,D7701,77,2026-11-20T10:00:00+03:00,2`,
  '9031234568,mMEGAFON,02,D7702,77,2026-11-20T11:00:00+03:00,',
].join('\n');

// The next day's increment: one more Moscow Beeline number leaves for MegaFon.
const PORT_INCREMENT = [
  'NPId,Number,RecipientId,DonorId,RangeHolderId,OldRoute,NewRoute,OldMNC,NewMNC,RegionCode,PortDate,RowCount',
  '1000000099000003,9031234570,mMEGAFON,mBEELINE,mBEELINE,D7799,D7702,99,02,77,2026-11-21T10:00:00+03:00,1',
].join('\n');

async function openRegistry(page: Page, url: string): Promise<FrameLocator> {
  await page.goto(`${url}/portal/app?path=/admin/registry&user=1&lang=ru`);
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame', { timeout: 90_000 });
  await expect(frame.getByTestId('files-in-force')).toBeVisible({ timeout: 60_000 });
  return frame;
}

/** The registry is every portal's: with app keys only the installation's operator, who gives the token, uploads it. */
async function upload(frame: FrameLocator, name: string, buffer: Buffer): Promise<void> {
  await frame.getByLabel('Токен оператора').fill(E2E_OPERATOR_TOKEN);
  await frame.getByLabel('Файл реестра или БДПН').setInputFiles({ name, mimeType: 'text/csv', buffer });
  // Every value the bar shows is recorded, to prove it moved rather than jumped straight to "done".
  await frame.locator('body').evaluate((body) => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    new MutationObserver(() => {
      const bar = body.querySelector('[role="progressbar"]');
      const value = Number(bar?.getAttribute('aria-valuenow') ?? NaN);
      if (Number.isFinite(value) && seen.at(-1) !== value) seen.push(value);
    }).observe(body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  await frame.getByRole('button', { name: 'Загрузить', exact: true }).click();
  await expect(frame.getByRole('progressbar', { name: 'Ход загрузки' })).toBeVisible();
  // The previous upload's result stays until this one's arrives; the file name tells them apart.
  await expect(frame.getByTestId('import-result')).toHaveAttribute('data-file', name, { timeout: 60_000 });
}

/** Looks one number up and waits for this answer (not the previous one, which may be for the same number). */
async function lookup(frame: FrameLocator, number: string) {
  const form = frame.getByTestId('lookup-form');
  const runs = Number(await form.getAttribute('data-runs'));
  await frame.getByLabel('Номера для проверки, по одному в строке').fill(number);
  await frame.getByRole('button', { name: 'Проверить', exact: true }).click();
  await expect(form).toHaveAttribute('data-runs', String(runs + 1));
  const row = frame.getByTestId('lookup-row');
  await expect(row).toHaveCount(1);
  return row;
}

/** Puts the bundled DEF file back in force through the API (after a failure too): other specs route by it. */
async function restoreBundledRegistry(request: APIRequestContext): Promise<void> {
  const { accessToken } = await emulatorControl(request).issueTokens(1, DEMO_MEMBER_ID);
  const response = await request.post(
    `${APP_URL}/api/numbering/import?fileName=DEF-9xx.csv&acceptRowErrors=0&acceptShrink=1`,
    {
      headers: {
        'X-Operator-Token': E2E_OPERATOR_TOKEN,
        'Content-Type': 'application/octet-stream',
      },
      data: BUNDLED_DEF,
      timeout: 120_000,
    },
  );
  const last = (await response.text()).trim().split('\n').at(-1) ?? '';
  expect(response.status(), last).toBe(200);
  expect(['activated', 'unchanged'], last).toContain(
    (JSON.parse(last) as { done?: { outcome: string } }).done?.outcome,
  );
  await request.delete(`${APP_URL}/api/numbering/overrides?number=${OVERRIDE_NUMBER}`, {
    headers: { 'X-B24-Member-Id': DEMO_MEMBER_ID, 'X-B24-Auth': accessToken, 'Content-Type': 'application/json' },
  });
}

test.describe('registry page inside the portal', () => {
  test.beforeAll(async ({ request }) => {
    await installDemoPortal(request);
  });
  test.afterAll(async ({ request }) => {
    await restoreBundledRegistry(request);
  });

  test('an admin uploads registry and MNP files, sees diff and refusal, pins a number; the lookup follows', async ({
    page,
    request,
  }) => {
    test.setTimeout(300_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openRegistry(page, emulatorControl(request).url);
    await expect(frame.getByRole('heading', { name: 'Реестр', level: 2 })).toBeVisible();
    await expect(frame.getByTestId('file-DEF-9xx')).toContainText('DEF-9xx');
    await expect(frame.getByTestId('downloads')).toBeVisible();
    await expect(frame.getByTestId('carrier-share').first()).toBeVisible();

    await test.step('before: the Belgorod number is Beeline by the registry', async () => {
      const row = await lookup(frame, MOVED_NUMBER);
      await expect(row.getByTestId('lookup-carrier')).toContainText('7713076301');
      await expect(row.getByTestId('lookup-source')).toHaveText('реестр');
    });

    await test.step("without the operator token a portal admin's upload is refused, naming both ways", async () => {
      await frame.getByLabel('Файл реестра или БДПН').setInputFiles({
        name: 'DEF-9xx-admin.csv',
        mimeType: 'text/csv',
        buffer: movedFile(),
      });
      await frame.getByRole('button', { name: 'Загрузить', exact: true }).click();
      await expect(frame.getByTestId('upload-failed')).toContainText('npm run numbering -- import');
      await expect(frame.getByTestId('upload-failed')).toContainText('OPERATOR_TOKEN');
      const row = await lookup(frame, MOVED_NUMBER);
      await expect(row.getByTestId('lookup-carrier')).toContainText('7713076301');
    });

    await test.step('the DEF file with one range moved to MegaFon goes live with a one-range diff', async () => {
      await upload(frame, 'DEF-9xx-e2e.csv', movedFile());
      const result = frame.getByTestId('import-result');
      await expect(result).toHaveAttribute('data-outcome', 'activated');
      await expect(frame.getByTestId('import-outcome')).toHaveText('Файл принят и уже используется для звонков');
      const seen = await frame
        .locator('body')
        .evaluate(() => (window as unknown as { __progress: number[] }).__progress);
      expect(seen.at(-1)).toBe(100);
      expect(Math.min(...seen)).toBeLessThan(100);
      const diff = frame.getByTestId('import-diff');
      await expect(diff.getByTestId('diff-rangesChangedCarrier')).toHaveText('1');
      await expect(diff.getByTestId('diff-numbersChangedCarrier')).toHaveText(/^10\s?000$/);
      await expect(diff.getByTestId('diff-move')).toHaveText(
        /Билайн.*7713076301.*→ МегаФон.*7812014560.*10\s?000 номеров/,
      );
      // The summary reloads: the last change and the new version in the history.
      await expect(frame.getByTestId('last-change-diff').getByTestId('diff-rangesChangedCarrier')).toHaveText('1');
      await expect(frame.getByTestId('history-row').first()).toHaveAttribute('data-status', 'active');
      await expect(frame.getByTestId('file-DEF-9xx')).toContainText('DEF-9xx-e2e.csv');
      const row = await lookup(frame, MOVED_NUMBER);
      await expect(row.getByTestId('lookup-carrier')).toContainText('МегаФон');
      await expect(row.getByTestId('lookup-carrier')).toContainText('7812014560');
    });

    await test.step('a file with a garbage row is refused with its line number; the data in use stays', async () => {
      const { file, line } = fileWithGarbageRow();
      await upload(frame, 'DEF-9xx-broken.csv', file);
      await expect(frame.getByTestId('import-result')).toHaveAttribute('data-outcome', 'rejected');
      await expect(frame.getByTestId('import-outcome')).toHaveText('Файл не принят. Данные в работе не изменились.');
      await expect(frame.getByTestId('import-reason')).toContainText(String(line));
      const issue = frame.getByTestId('import-issues').locator(`[data-testid="issue"][data-line="${line}"]`);
      await expect(issue).toContainText('ошибка');
      await expect(frame.getByTestId('import-retry')).toContainText('Принять, пропустив ошибочные строки');
      await expect(frame.getByTestId('history-row').first()).toHaveAttribute('data-status', 'rejected');
      const row = await lookup(frame, MOVED_NUMBER);
      await expect(row.getByTestId('lookup-carrier')).toContainText('МегаФон');
      // The rejected version's issues open from the history too.
      await frame.getByTestId('history-row').first().getByTestId('history-toggle').click();
      await expect(frame.getByTestId('history-issues').locator(`[data-line="${line}"]`)).toBeVisible();
    });

    await test.step('Port_All, then Port_Increment: ported count; a number is ported, with its holder', async () => {
      await upload(frame, 'Port_All_e2e.csv', Buffer.from(PORT_ALL, 'utf8'));
      await expect(frame.getByTestId('import-result')).toHaveAttribute('data-outcome', 'activated');
      await expect(frame.getByTestId('import-result')).toHaveAttribute('data-type', 'ported');
      await expect(frame.getByTestId('ported-count')).toHaveText('2');
      await expect(frame.getByTestId('ported-owners')).toContainText('МТС');
      await expect(frame.getByTestId('ported-history-row').first()).toHaveAttribute('data-status', 'active');
      const row = await lookup(frame, PORTED_NUMBER);
      await expect(row.getByTestId('lookup-source')).toHaveText('перенесён (MNP)');
      await expect(row.getByTestId('lookup-carrier')).toContainText('МТС');
      await expect(row.getByTestId('lookup-holder')).toContainText('ВЫМПЕЛКОМ');
      await expect(row.getByTestId('lookup-holder')).toContainText('7713076301');

      await upload(frame, 'Port_Increment_e2e.csv', Buffer.from(PORT_INCREMENT, 'utf8'));
      await expect(frame.getByTestId('import-result')).toHaveAttribute('data-outcome', 'activated');
      await expect(frame.getByTestId('import-ported-diff').getByTestId('ported-diff-added')).toHaveText('1');
      await expect(frame.getByTestId('ported-count')).toHaveText('3');
      const incremented = await lookup(frame, '+7 903 123-45-70');
      await expect(incremented.getByTestId('lookup-source')).toHaveText('перенесён (MNP)');
      await expect(incremented.getByTestId('lookup-carrier')).toContainText('МегаФон');
    });

    await test.step('override: bad ИНН refused at its field; a listed carrier pins the number', async () => {
      const overrides = frame.getByTestId('overrides');
      await overrides.getByLabel('Номер', { exact: true }).fill(OVERRIDE_NUMBER);
      await overrides.getByLabel('или ИНН').fill('1234567890');
      await overrides.getByRole('button', { name: 'Привязать' }).click();
      await expect(overrides.locator('[data-testid="field-error"][data-field="inn"]')).toBeVisible();

      await overrides.getByLabel('Оператор', { exact: true }).selectOption('7740000076');
      await overrides.getByLabel('Примечание').fill('клиент сообщил о переходе');
      await overrides.getByRole('button', { name: 'Привязать' }).click();
      const listed = overrides.locator(`[data-testid="override-row"][data-number="${OVERRIDE_NUMBER}"]`);
      await expect(listed).toContainText('МТС');
      await expect(listed).toContainText('ручная');
      await expect(frame.getByTestId('overrides-counts')).toContainText('ручных: 1');
      let row = await lookup(frame, OVERRIDE_NUMBER);
      await expect(row.getByTestId('lookup-source')).toHaveText('ручная привязка');
      await expect(row.getByTestId('lookup-carrier')).toContainText('7740000076');
      await page.screenshot({ path: test.info().outputPath('registry.png'), fullPage: true });
      expect(
        await frame.locator('html').evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);

      await listed.getByTestId('override-remove').click();
      await expect(listed).toHaveCount(0);
      row = await lookup(frame, OVERRIDE_NUMBER);
      await expect(row.getByTestId('lookup-source')).toHaveText('реестр');
      await expect(row.getByTestId('lookup-carrier')).toContainText('7713076301');
    });

    await test.step('the bundled file goes back in force (other specs route by it)', async () => {
      await upload(frame, 'DEF-9xx.csv', BUNDLED_DEF);
      await expect(frame.getByTestId('import-result')).toHaveAttribute('data-outcome', 'activated');
      await expect(frame.getByTestId('import-diff').getByTestId('diff-move')).toContainText('МегаФон');
      const row = await lookup(frame, MOVED_NUMBER);
      await expect(row.getByTestId('lookup-carrier')).toContainText('7713076301');
    });
    expect(errors).toEqual([]);
  });

  test('a non-admin reads the page in English, and an upload is refused with the reason', async ({ page, request }) => {
    await page.goto(`${emulatorControl(request).url}/portal/app?path=/admin/registry&user=2&lang=en`);
    const frame = page.frameLocator('#app-frame');
    await expect(frame.getByRole('heading', { name: 'Registry', level: 2 })).toBeVisible({ timeout: 90_000 });
    await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame', { timeout: 90_000 });
    await expect(frame.getByText('Only a portal admin can upload files and change overrides')).toBeVisible();
    await expect(frame.getByTestId('file-DEF-9xx')).toBeVisible({ timeout: 60_000 });
    await frame
      .getByLabel('Registry or MNP file')
      .setInputFiles({ name: 'DEF-9xx.csv', mimeType: 'text/csv', buffer: BUNDLED_DEF });
    await frame.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(frame.getByTestId('upload-failed')).toContainText('The upload failed, the data in use did not change');
    await page.screenshot({ path: test.info().outputPath('registry-en-non-admin.png'), fullPage: true });
  });
});
