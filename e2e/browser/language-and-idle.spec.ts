import { expect, test, type Frame, type Page } from '@playwright/test';
import type { Lang } from '../../lib/i18n/lang';
import { knownCarriers } from '../../lib/numbering/registry';
import { APP_PORT } from '../support/e2e-env';
import { emulatorControl } from '../support/emulator-control';
import { findForeignWords } from '../support/find-foreign-words';
import { installDemoPortal } from '../support/install-demo-portal';
import { withAppDb } from '../support/with-app-db';

/** Every page of the app; the call card opens in its Bitrix24 placement. */
const pages = [
  '/admin',
  '/admin/trunks',
  '/admin/carrier-groups',
  '/admin/departments',
  '/admin/lists',
  '/admin/registry',
  '/admin/route-tester',
  '/admin/journal',
  '/admin/savings',
  '/admin/setup',
  '/admin/wizard',
  '/call-card',
];
/** The overview refreshes the status every 10 s on purpose: at most one request in a 5 s window. */
const allowedIdleRequests = (path: string) => (path === '/admin' ? 1 : 0);
const IDLE_MS = 5_000;

/** Proper names and Latin words both interfaces use as they are. */
const properNames = ['Asterisk', 'Bitrix', 'SQLite', 'sqlite', 'PostgreSQL', 'postgresql', 'Yota', 'Tinkoff', 'Sber'];

/** The portal's own data (people, departments, lines, groups) and carriers' Russian names: proper names in English. */
async function portalVocabulary(): Promise<Set<string>> {
  const names = await withAppDb(async (db) => [
    ...(await db.user.findMany({ select: { name: true } })).map((r) => r.name),
    ...(await db.department.findMany({ select: { name: true } })).map((r) => r.name),
    ...(await db.trunk.findMany({ select: { name: true } })).map((r) => r.name),
    ...(await db.carrierGroup.findMany({ select: { name: true } })).map((r) => r.name),
    ...(await db.departmentProfile.findMany({ select: { name: true } })).map((r) => r.name),
  ]);
  const words = [...names, ...knownCarriers.map((c) => c.name.ru)].flatMap((name) => name.split(/[\s()«»"'.,-]+/));
  // The PBX's name is the installation's own (AMI_PBX_NAME), shown as it is configured.
  return new Set([...words.filter(Boolean), ...properNames, process.env.AMI_PBX_NAME ?? 'main']);
}

/** Visible texts of a frame: text nodes and placeholders, not form values or what is marked translate="no". */
function visibleTexts(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const skip = 'script,style,noscript,select,option,textarea,[translate="no"]';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue;
      const text = node.textContent?.trim();
      if (text) out.push(text);
    }
    for (const field of document.querySelectorAll('[placeholder]')) out.push(field.getAttribute('placeholder') ?? '');
    return out;
  });
}

/** Requests the app's pages send (in any frame): counted since the last reset, and those still under way. */
function countAppRequests(page: Page): { since(): number; inFlight(): number; reset(): void } {
  let count = 0;
  const open = new Set<unknown>();
  const isApp = (url: string) => new URL(url).port === String(APP_PORT);
  page.on('request', (request) => {
    if (!isApp(request.url())) return;
    count++;
    open.add(request);
  });
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
  return { since: () => count, inFlight: () => open.size, reset: () => void (count = 0) };
}

/** Loaded: nothing under way and nothing new for 1.5 s (a page may load in steps, one answer asking the next). */
async function waitForQuiet(page: Page, requests: ReturnType<typeof countAppRequests>): Promise<void> {
  const until = Date.now() + 60_000;
  let last = -1;
  while (Date.now() < until) {
    const now = requests.since();
    if (now === last && requests.inFlight() === 0) return;
    last = now;
    await page.waitForTimeout(1_500);
  }
}

async function appFrame(page: Page): Promise<Frame> {
  await expect
    .poll(() => page.frames().find((f) => f.url().includes(`:${APP_PORT}/`)), { timeout: 60_000 })
    .toBeTruthy();
  return page.frames().find((f) => f.url().includes(`:${APP_PORT}/`))!;
}

for (const lang of ['ru', 'en'] as const satisfies Lang[]) {
  test(`every page in ${lang}, inside the portal and standalone: one alphabet, quiet after load`, async ({
    page,
    request,
  }) => {
    test.setTimeout(600_000);
    await installDemoPortal(request);
    const allowed = await portalVocabulary();
    const { url } = emulatorControl(request);
    const requests = countAppRequests(page);
    const problems: string[] = [];

    const check = async (where: string, path: string, frame: Frame) => {
      // Connected (or known to be standalone) before "loaded" is judged: the frame handshake sends no requests.
      await frame.waitForFunction(
        () =>
          !document.querySelector('[data-testid="frame-status"][data-status="loading"], [data-testid="card-loading"]'),
        undefined,
        { timeout: 90_000 },
      );
      await waitForQuiet(page, requests);
      requests.reset();
      await page.waitForTimeout(IDLE_MS);
      const idle = requests.since();
      if (idle > allowedIdleRequests(path)) problems.push(`${where} ${path}: ${idle} requests in 5 s after load`);
      const foreign = findForeignWords({ texts: await visibleTexts(frame), lang, allowed });
      if (foreign.length) problems.push(`${where} ${path}: ${foreign.join(', ')}`);
    };

    for (const path of pages) {
      const placement = path === '/call-card' ? '&placement=CALL_CARD' : '';
      await page.goto(`${url}/portal/app?path=${path}&user=1&lang=${lang}${placement}`);
      await check('portal', path, await appFrame(page));
    }
    // Standalone: the installation has Bitrix24 keys, so the pages' error paths ("open the app in Bitrix24").
    for (const path of pages) {
      await page.goto(`${path}?LANG=${lang}`);
      await check('standalone', path, page.mainFrame());
    }
    expect(problems).toEqual([]);
  });
}
