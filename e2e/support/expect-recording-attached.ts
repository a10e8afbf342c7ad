import { type APIRequestContext, expect } from '@playwright/test';
import { wavSeconds } from '../../lib/calls/testing/wav-seconds';
import { emulatorControl } from './emulator-control';

/**
 * The call's recording came from the PBX (the app never reads its disk) and Bitrix24 accepted it once, with audio as
 * long as the talk (within 1 s); or, with `talkSec` null, that no recording was attached to the call at all.
 */
export async function expectRecordingAttached(
  request: APIRequestContext,
  callId: string,
  talkSec: number | null,
): Promise<void> {
  const attached = async () =>
    (await emulatorControl(request).calls('telephony.externalcall.attachrecord')).filter(
      (c) => c.status === 200 && c.params.CALL_ID === callId,
    );
  if (talkSec === null) {
    expect(await attached()).toEqual([]);
    return;
  }
  await expect.poll(async () => (await attached()).length, { timeout: 40_000 }).toBe(1);
  const audio = wavSeconds(Buffer.from(String((await attached())[0]!.params.FILE_CONTENT), 'base64'));
  expect(Math.abs(audio - talkSec)).toBeLessThanOrEqual(1);
}
