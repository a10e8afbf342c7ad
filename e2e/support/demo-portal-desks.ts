import { type APIRequestContext, type Browser, expect } from '@playwright/test';
import { DEMO_MEMBER_ID } from './e2e-env';
import { emulatorControl } from './emulator-control';
import { withAppDb } from './with-app-db';
import type { Db } from '../../lib/db/client';

/**
 * The demo portal's desks and switches for the browser tests of incoming calls, written to the app's database as
 * the directory sync and the admin pages would, and put back afterwards.
 */

const demoPortal = (db: Db) => db.portal.findUniqueOrThrow({ where: { memberId: DEMO_MEMBER_ID } });

/** Seats `users[i]` at `extensions[i]` (their usual holders step aside) and whitelists those desks. */
export function seatUsers(users: readonly number[], extensions: readonly string[]): Promise<void> {
  return withAppDb(async (db) => {
    const portal = await demoPortal(db);
    await db.user.updateMany({
      where: { portalId: portal.id, extension: { in: [...extensions] } },
      data: { active: false },
    });
    for (const [i, extension] of extensions.entries()) {
      await db.user.update({
        where: { portalId_b24UserId: { portalId: portal.id, b24UserId: users[i]! } },
        data: { extension, active: true },
      });
      await db.listEntry.create({ data: { portalId: portal.id, list: 'whitelist_extension', value: extension } });
    }
  });
}

/** Takes these desks off the whitelist again. */
export function unwhitelistDesks(extensions: readonly string[]): Promise<void> {
  return withAppDb(async (db) => {
    const portal = await demoPortal(db);
    await db.listEntry.deleteMany({
      where: { portalId: portal.id, list: 'whitelist_extension', value: { in: [...extensions] } },
    });
  });
}

/** Whitelists one more desk (its user keeps it); false when it was whitelisted already. */
export function whitelistDesk(extension: string): Promise<boolean> {
  return withAppDb(async (db) => {
    const portal = await demoPortal(db);
    const entry = { portalId: portal.id, list: 'whitelist_extension', value: extension };
    if (await db.listEntry.findFirst({ where: entry })) return false;
    await db.listEntry.create({ data: entry });
    return true;
  });
}

/** The admin (user 1) turns the recording switch on the overview (/admin) on or off, in the portal. */
export async function setRecordingOnOverview(browser: Browser, emulatorUrl: string, enabled: boolean): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${emulatorUrl}/portal/app?path=/admin&user=1&lang=ru`);
    const card = page.frameLocator('#app-frame').getByTestId('health-recording');
    const toggle = card.getByTestId('recording-enabled');
    await expect(toggle).toBeVisible({ timeout: 90_000 });
    if ((await toggle.isChecked()) !== enabled) {
      await toggle.click();
      await expect(card).toContainText('Сохранено');
    }
    await expect(toggle).toBeChecked({ checked: enabled });
  } finally {
    await context.close();
  }
}

/** The demo portal's admin (user 1), as the app's routes see them. */
async function adminHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const { accessToken } = await emulatorControl(request).issueTokens(1, DEMO_MEMBER_ID);
  return { 'X-B24-Member-Id': DEMO_MEMBER_ID, 'X-B24-Auth': accessToken };
}

/** The admin turns the demo portal's recording switch on /admin on or off (the switch's own route). */
export async function setRecording(request: APIRequestContext, recordingEnabled: boolean): Promise<void> {
  const headers = await adminHeaders(request);
  const saved = await request.put('/api/settings/recording', { headers, data: { recordingEnabled } });
  expect(saved.status()).toBe(200);
}

/**
 * The admin saves the routing settings as they are, as after any change: the app re-reads its lines and desk phones
 * (the tests and the global setup wrote them behind its back).
 */
export async function saveRoutingSettingsAsAdmin(request: APIRequestContext): Promise<void> {
  const headers = await adminHeaders(request);
  const settings = await request.get('/api/settings/routing', { headers });
  expect(settings.status()).toBe(200);
  const saved = await request.put('/api/settings/routing', { headers, data: await settings.json() });
  expect(saved.status()).toBe(200);
}

/** Bitrix24's finish of the first call from `number` registered since `since` (ms), once it comes. */
export async function finishOf(request: APIRequestContext, number: string, since: number) {
  const emulator = emulatorControl(request);
  let finish: Awaited<ReturnType<typeof emulator.calls>>[number] | undefined;
  await expect
    .poll(
      async () => {
        const registered = (await emulator.calls('telephony.externalcall.register')).filter(
          (c) => String(c.params.PHONE_NUMBER).endsWith(number) && c.time >= since,
        );
        const ids = registered.map((c) => (c.response as { result?: { CALL_ID?: string } }).result?.CALL_ID);
        finish = (await emulator.calls('telephony.externalcall.finish')).find((c) =>
          ids.includes(String(c.params.CALL_ID)),
        );
        return finish ? 'finished' : 'not yet';
      },
      { timeout: 40_000 },
    )
    .toBe('finished');
  return finish!;
}

/** The desk phone the app knows this user by. */
export function deskOf(b24UserId: number): Promise<string> {
  return withAppDb(async (db) => {
    const portal = await demoPortal(db);
    const user = await db.user.findUniqueOrThrow({ where: { portalId_b24UserId: { portalId: portal.id, b24UserId } } });
    return String(user.extension);
  });
}
