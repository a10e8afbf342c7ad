import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { demoRoutingSettings } from './demo-routing-settings';
import type { RoutingSettings } from './types';
import { validateRoutingSettings } from './validate-routing-settings';

/** The MTS line (4 SIMs) with the given SIM templates and thresholds. */
function withSims(simDials: string[] | undefined, simHealth?: RoutingSettings['simHealth']): RoutingSettings {
  const settings = structuredClone(demoRoutingSettings);
  const mts = settings.trunks.find((trunk) => trunk.id === 'mts')!;
  mts.simDials = simDials;
  return { ...settings, simHealth };
}
const fieldsOf = (settings: RoutingSettings) => {
  try {
    validateRoutingSettings(settings);
    return {};
  } catch (error) {
    if (!AppError.is(error)) throw error;
    return error.fields ?? {};
  }
};
const mtsIndex = demoRoutingSettings.trunks.findIndex((trunk) => trunk.id === 'mts');

describe('validateRoutingSettings — SIM templates and thresholds', () => {
  it('accepts one template per SIM, normalised by the line template check', () => {
    const valid = validateRoutingSettings(
      withSims([' pjsip/1#{number}@gw_mts', ...[2, 3, 4].map((p) => `PJSIP/${p}#{number}@gw_mts`)]),
    );
    expect(valid.trunks[mtsIndex]!.simDials![0]).toBe('PJSIP/1#{number}@gw_mts');
  });

  it.each([
    ['none (the gateway picks the port)', undefined, undefined],
    ['an empty list', [], undefined],
    ['blank lines only', ['', '  '], undefined],
    ['fewer templates than SIMs', ['PJSIP/1#{number}@gw_mts'], 'Give every SIM of the line a template'],
    [
      'a template twice',
      ['PJSIP/1#{number}@gw_mts', 'PJSIP/1#{number}@gw_mts', 'Dongle/dongle2/{number}', 'Dongle/dongle3/{number}'],
      'its own template',
    ],
    [
      'a template that could change Dial()',
      ['PJSIP/1#{number}@gw,30', 'PJSIP/2#{number}@gw', 'PJSIP/3#{number}@gw', 'PJSIP/4#{number}@gw'],
      'Dial',
    ],
  ])('%s', (_name, simDials, problem) => {
    const fields = fieldsOf(withSims(simDials));
    const message = Object.entries(fields).find(([path]) => path.startsWith(`trunks.${mtsIndex}.simDials`))?.[1];
    if (problem === undefined) expect(fields).toEqual({});
    else expect(message).toContain(problem);
  });

  it.each([
    [{ failuresInRow: 5, shortCallsInRow: 5, shortCallSeconds: 5 }, {}],
    [
      { failuresInRow: 1, shortCallsInRow: 5, shortCallSeconds: 5 },
      { 'simHealth.failuresInRow': 'Не меньше 2 / At least 2' },
    ],
    [
      { failuresInRow: 5, shortCallsInRow: 51, shortCallSeconds: 0 },
      {
        'simHealth.shortCallsInRow': 'Не больше 50 / At most 50',
        'simHealth.shortCallSeconds': 'Не меньше 1 / At least 1',
      },
    ],
  ])('thresholds %j', (simHealth, fields) => expect(fieldsOf(withSims(undefined, simHealth))).toEqual(fields));
});
