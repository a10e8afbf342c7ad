import { describe, expect, it } from 'vitest';
import { buildOriginateAction, type BuildOriginateActionOptions } from './build-originate-action';

const base: BuildOriginateActionOptions = {
  extension: '101',
  number: '79151234567',
  dial: 'PJSIP/{number}@gw_mts',
  linkedId: 'c2c-1',
};

describe('buildOriginateAction', () => {
  it.each([
    ['the drop-in (default)', {}, 'PJSIP/101', 'outbound'],
    ['chan_sip phones', { originateChannel: 'SIP/{ext}' }, 'SIP/101', 'outbound'],
    [
      'FreePBX',
      { originateChannel: 'Local/{ext}@from-internal', originateContext: 'from-internal' },
      'Local/101@from-internal',
      'from-internal',
    ],
  ])('%s: rings %s, dials from %s', (_, pbx, channel, context) => {
    const { action } = buildOriginateAction({ ...base, ...pbx });
    expect(action).toMatchObject({ Action: 'Originate', Channel: channel, Context: context, Exten: '79151234567' });
  });

  it.each([
    ['PJSIP/{number}@Beeline-GoIP', 'Beeline-GoIP', 'PJSIP/79151234567@Beeline-GoIP'],
    ['PJSIP/1#{number}@goip', 'goip', 'PJSIP/1#79151234567@goip'],
    ['SIP/beeline/{number}', 'beeline', 'SIP/beeline/79151234567'],
    ['IAX2/gw/{number}', 'gw', 'IAX2/gw/79151234567'],
    ['Dongle/p:25099/{number}', 'p:25099', 'Dongle/p:25099/79151234567'],
  ])('line %s travels as TRUNK=%s and the inherited B24_DIAL=%s', (dial, trunk, dialString) => {
    const { action, line } = buildOriginateAction({ ...base, dial, callId: 'b24-1', recordToken: 'MTox.abc-_' });
    expect(line).toBe(trunk);
    expect(action.Variable).toEqual([
      `TRUNK=${trunk}`,
      `__B24_DIAL=${dialString}`,
      `__B24_DIALS=${dialString}`,
      'MANAGER_EXT=101',
      '__B24_CALL_ID=b24-1',
      '__RECORD=1',
      '__B24_REC_TOKEN=MTox.abc-_',
    ]);
  });

  it('the fallback lines follow the first in B24_DIALS, "^"-joined; a broken template is left out', () => {
    const fallbackDials = ['PJSIP/{number}@gw_beeline', 'PJSIP/{number}@gw&Local/1@x', 'IAX2/gw/{number}'];
    const { action } = buildOriginateAction({ ...base, fallbackDials });
    expect(action.Variable).toContain(
      '__B24_DIALS=PJSIP/79151234567@gw_mts^PJSIP/79151234567@gw_beeline^IAX2/gw/79151234567',
    );
  });

  it.each([
    [{ extension: '1' }, 'extension'],
    [{ extension: '101&PJSIP/102' }, 'extension'],
    [{ number: '7915,1' }, 'number'],
    [{ dial: 'gw_mts' }, 'dial'],
    [{ dial: 'PJSIP/{number}@gw&Local/1@x' }, 'dial'],
    [{ callId: 'a b' }, 'callId'],
    [{ recordToken: "x',System(rm)" }, 'record'],
  ])('refuses %j (field %s)', (bad, field) => {
    expect(() => buildOriginateAction({ ...base, ...bad })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        fields: expect.objectContaining({ [field]: expect.any(String) }),
      }),
    );
  });
});
