import { describe, expect, it } from 'vitest';
import type { PlaceCall } from '../calls/place-call-on-connected-pbx';
import type { Db } from '../db/client';
import { placeSetupTestCall, type PlaceSetupTestCallOptions } from './place-setup-test-call';

/** The placing seam tests hand in (place-call-on-connected-pbx.ts); it records what the wizard asked for. */
function recorder() {
  const asked: Parameters<PlaceCall>[0][] = [];
  const placeCall: PlaceCall = async (request) => {
    asked.push(request);
    return { outcome: 'handedOff', linkedId: 'l-1' };
  };
  return { asked, placeCall };
}

const options = (portalId: number, placeCall: PlaceCall, now: number): PlaceSetupTestCallOptions => ({
  db: {} as Db,
  portalId,
  accessToken: null,
  localExtension: '101',
  number: '+79151234567',
  line: 'МТС',
  placeCall,
  lang: 'ru',
  now,
});

describe('placeSetupTestCall', () => {
  it("rings the admin's extension and dials through the decided line only, as a click-to-call", async () => {
    const { asked, placeCall } = recorder();
    const result = await placeSetupTestCall(options(9001, placeCall, 1_000_000));
    expect(result).toEqual({ outcome: 'placed', linkedId: 'l-1', line: null });
    expect(asked[0]).toMatchObject({
      portalId: 9001,
      extension: '101',
      number: '+79151234567',
      requestedLine: 'МТС',
      keepRequestedLine: true,
      origin: 'click_to_call',
    });
  });

  it('one test call per portal per half minute; another portal is not held up', async () => {
    const { asked, placeCall } = recorder();
    await placeSetupTestCall(options(9002, placeCall, 2_000_000));
    await expect(placeSetupTestCall(options(9002, placeCall, 2_010_000))).rejects.toMatchObject({ code: 'CONFLICT' });
    await placeSetupTestCall(options(9003, placeCall, 2_010_000));
    await placeSetupTestCall(options(9002, placeCall, 2_031_000));
    expect(asked.map((request) => request.portalId)).toEqual([9002, 9003, 9002]);
  });

  it('without an extension nothing is placed', async () => {
    const { asked, placeCall } = recorder();
    const call = placeSetupTestCall({ ...options(9004, placeCall, 3_000_000), localExtension: '' });
    await expect(call).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(asked).toEqual([]);
  });
});
