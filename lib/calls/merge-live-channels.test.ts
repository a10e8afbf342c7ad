import { describe, expect, it } from 'vitest';
import { mergeLiveChannels } from './merge-live-channels';

describe('mergeLiveChannels', () => {
  it.each([
    ['both empty', { busyByEndpoint: {}, busySims: {} }, { busyByEndpoint: {}, busySims: {} }, {}, {}],
    [
      'disjoint lines',
      { busyByEndpoint: { gw_mts: 2 }, busySims: { gw_mts: [0, 1] } },
      { busyByEndpoint: { gw_beeline: 1 }, busySims: { gw_beeline: [3] } },
      { gw_mts: 2, gw_beeline: 1 },
      { gw_mts: [0, 1], gw_beeline: [3] },
    ],
    [
      'one line name on two PBXes: channels add up, a SIM counts once',
      { busyByEndpoint: { gw_mts: 1 }, busySims: { gw_mts: [0] } },
      { busyByEndpoint: { gw_mts: 2 }, busySims: { gw_mts: [0, 2] } },
      { gw_mts: 3 },
      { gw_mts: [0, 2] },
    ],
  ])('%s', (_name, a, b, channels, sims) => {
    expect(mergeLiveChannels(a, b)).toEqual({ busyByEndpoint: channels, busySims: sims });
  });
});
