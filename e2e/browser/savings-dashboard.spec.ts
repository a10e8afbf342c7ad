import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { demoRoutingSettings } from '../../lib/routing/demo-routing-settings';
import { referenceRoutingSettings } from '../../lib/routing/reference-routing-settings';
import { seedDemoPortal } from '../../lib/routing/settings/seed-demo-portal';
import type { RoutingSettings } from '../../lib/routing/types';
import { runSimulation } from '../../lib/simulation/run-simulation';
import type { SimulationSummary } from '../../lib/simulation/simulation-summary';
import { SIMULATION_ORIGIN } from '../../lib/simulation/write-simulated-calls';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';
import { withAppDb } from '../support/with-app-db';

/** The page must fit the 1280 px iframe without a horizontal scrollbar. */
const fitsWidth = (page: Page | FrameLocator): Promise<boolean> =>
  page.locator('html').evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

let summary: SimulationSummary;

/** The simulation writes into the same database the app under test reads (the global setup seeded the demo there). */
function simulateInto(portalId: number, seed: number, calls = 600): Promise<SimulationSummary> {
  return withAppDb(async (db) => (await runSimulation({ db, portalId, calls, seed, day: '2026-03-02' })).summary);
}

const seedPortal = (portalId: number, settings: RoutingSettings) =>
  withAppDb((db) => seedDemoPortal({ db, portalId, settings }));
const countPortalCalls = (portalId: number) => withAppDb((db) => db.call.count({ where: { portalId } }));
const forgetSimulatedDays = (portalId: number) =>
  withAppDb((db) => db.call.deleteMany({ where: { portalId, origin: SIMULATION_ORIGIN } }));

/** A page of the app as the portal's admin opens it inside Bitrix24 (with app keys, nothing is shown outside). */
async function openInPortal(page: Page, url: string, path: string, lang: 'ru' | 'en'): Promise<FrameLocator> {
  await page.goto(`${url}/portal/app?path=${path}&user=1&lang=${lang}`);
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame', { timeout: 90_000 });
  return frame;
}

/**
 * The dashboard shows the simulated day's ratio, give or take the few real calls other specs placed through the same
 * portal (the call card's, the click-to-calls'): within 0.1.
 */
async function expectRatioNear(ratio: Locator, expected: number): Promise<void> {
  await expect(ratio).toHaveText(/^×\d+([.,]\d+)?$/, { timeout: 60_000 });
  const shown = Number((await ratio.textContent())!.replace('×', '').replace(',', '.'));
  expect(Math.abs(shown - expected)).toBeLessThan(0.1);
}

let portalId: number;
// The savings goal is judged on the full-size reference deployment: the demo portal carries it for the first two tests
// (the specs run one at a time) and gets the compact test configuration back afterwards, for the specs that dial
// through the test PBX's five gateways.
test.beforeAll(async ({ request }) => {
  ({ portalId } = await installDemoPortal(request));
  await forgetSimulatedDays(portalId);
  await seedPortal(portalId, referenceRoutingSettings);
  summary = await simulateInto(portalId, 42, 5000);
});
test.afterAll(async () => {
  await forgetSimulatedDays(portalId);
  await seedPortal(portalId, demoRoutingSettings);
});

test(
  "the reference deployment's simulated day on the savings dashboard: ≥ 3×, the breakdown, SIMs against caps (ru " +
    'and en)',
  async ({ page, request }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const { url } = emulatorControl(request);
    let frame = await openInPortal(page, url, '/admin/savings', 'ru');
    await expect(frame.getByRole('heading', { name: 'Экономия', level: 2 })).toBeVisible();
    const ratio = frame.getByTestId('savings-ratio-value');
    await expect(ratio).toBeVisible({ timeout: 60_000 });
    expect(summary.ratio).toBeGreaterThanOrEqual(3);
    await expectRatioNear(ratio, summary.ratio!);
    await expect(frame.getByTestId('savings-lost-busy')).toContainText('Линия оператора занята');
    await expect(frame.getByTestId('savings-lost-noCarrierLine')).toContainText('Нет линии этого оператора');
    await expect(frame.getByTestId('savings-lost-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(frame.getByTestId('savings-trunk-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(frame.getByTestId('savings-sim-row').first()).toBeVisible();
    expect(await fitsWidth(frame), '/admin/savings fits 1280 px').toBe(true);
    await page.screenshot({ path: test.info().outputPath('savings-ru.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await frame.getByTestId('savings-csv').click();
    expect((await download).suggestedFilename()).toBe('savings.csv');

    // English, as Bitrix24 passes it (LANG in the frame URL): same numbers, English labels, still 1280 px.
    frame = await openInPortal(page, url, '/admin/savings', 'en');
    await expect(frame.getByRole('heading', { name: 'Savings', level: 2 })).toBeVisible();
    await expectRatioNear(frame.getByTestId('savings-ratio-value'), summary.ratio!);
    await expect(frame.getByTestId('savings-lost-caps')).toContainText('SIMs at their limits');
    expect(await fitsWidth(frame), '/admin/savings (en) fits 1280 px').toBe(true);
    await page.screenshot({ path: test.info().outputPath('savings-en.png'), fullPage: true });
    expect(errors).toEqual([]);
  },
);

test('the calls journal filtered by line shows each call with its route reasons, cost and registration', async ({
  page,
  request,
}) => {
  const { url } = emulatorControl(request);
  let frame = await openInPortal(page, url, '/admin/journal', 'ru');
  await expect(frame.getByRole('heading', { name: 'Журнал звонков', level: 2 })).toBeVisible();
  await expect(frame.getByTestId('journal-row').first()).toBeVisible({ timeout: 60_000 });
  const total = Number((await frame.getByTestId('journal-total').textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThanOrEqual(5000);
  await frame.getByTestId('journal-trunk-filter').selectOption({ label: 'МТС' });
  await expect(frame.getByTestId('journal-loading')).toHaveCount(0);
  const trunks = frame.getByTestId('journal-trunk');
  await expect(trunks.first()).toContainText('МТС');
  for (const text of await trunks.allTextContents()) expect(text).toContain('МТС');
  // The portal's journal also holds real calls other specs placed (desk phones keep no reasons): any simulated row.
  await expect(frame.getByTestId('journal-reasons').filter({ hasText: '→ МТС' }).first()).toBeVisible();
  // Each row names its registration reason in a word; the legend under the table explains it once.
  await expect(frame.getByTestId('journal-registration').filter({ hasText: 'симуляция' }).first()).toBeVisible();
  await expect(frame.getByTestId('journal-legend')).toContainText('симуляция — в Битрикс24 не отправляется');
  const filtered = Number((await frame.getByTestId('journal-total').textContent())!.replace(/\D/g, ''));
  expect(filtered).toBeLessThan(total);
  expect(await fitsWidth(frame), '/admin/journal fits 1280 px').toBe(true);
  await page.screenshot({ path: test.info().outputPath('journal-ru-mts.png'), fullPage: true });

  frame = await openInPortal(page, url, '/admin/journal', 'en');
  await expect(frame.getByRole('heading', { name: 'Calls journal', level: 2 })).toBeVisible();
  await expect(frame.getByTestId('journal-reasons').filter({ hasText: '→' }).first()).toBeVisible({ timeout: 60_000 });
  expect(await fitsWidth(frame), '/admin/journal (en) fits 1280 px').toBe(true);
  await page.screenshot({ path: test.info().outputPath('journal-en.png'), fullPage: true });
});

test("inside the portal frame: the dashboard and the journal of the portal's own simulated day, ru and en", async ({
  page,
  request,
}) => {
  await installDemoPortal(request);
  await forgetSimulatedDays(portalId);
  const portalSummary = await simulateInto(portalId, 43);
  const { url } = emulatorControl(request);
  for (const lang of ['ru', 'en'] as const) {
    await page.goto(`${url}/portal/app?path=/admin/savings&user=1&lang=${lang}`);
    const frame = page.frameLocator('#app-frame');
    await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame', { timeout: 90_000 });
    await expectRatioNear(frame.getByTestId('savings-ratio-value'), portalSummary.ratio!);
    expect(await fitsWidth(frame), `savings (${lang}) fits the frame`).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`portal-savings-${lang}.png`), fullPage: true });

    await page.goto(`${url}/portal/app?path=/admin/journal&user=1&lang=${lang}`);
    await expect(frame.getByTestId('journal-row').first()).toBeVisible({ timeout: 90_000 });
    // The portal's journal also holds the real calls other specs placed through it (call card, click-to-call).
    await expect(frame.getByTestId('journal-total')).toContainText(String(await countPortalCalls(portalId)));
    expect(await fitsWidth(frame), `journal (${lang}) fits the frame`).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`portal-journal-${lang}.png`), fullPage: true });
  }
});
