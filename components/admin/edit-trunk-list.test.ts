import { describe, expect, it } from 'vitest';
import { demoRoutingSettings } from '@/lib/routing/demo-routing-settings';
import type { RoutingSettings } from '@/lib/routing/types';
import { addTrunk, removeTrunk } from './edit-trunk-list';

const empty = (): RoutingSettings => ({ trunks: [], carrierGroups: [], profiles: [], defaultTrunkId: '' });
const oneGroup = (): RoutingSettings => ({ ...empty(), carrierGroups: [{ id: 'g', name: 'МТС', inns: [] }] });

describe('addTrunk', () => {
  it.each<[string, () => RoutingSettings, { group: string; default: string }]>([
    ['a new portal: no group yet, the line is the default', empty, { group: '', default: 'new' }],
    ['one group: the line takes it', oneGroup, { group: 'g', default: 'new' }],
    [
      'several groups and a default already: no group, the default stays',
      () => structuredClone(demoRoutingSettings),
      { group: '', default: demoRoutingSettings.defaultTrunkId },
    ],
  ])('%s', (_name, make, expected) => {
    const draft = make();
    addTrunk(draft, 'new');
    expect(draft.trunks.at(-1)).toMatchObject({ id: 'new', carrierGroupId: expected.group, channels: 1 });
    expect(draft.defaultTrunkId).toBe(expected.default);
  });
});

describe('removeTrunk', () => {
  it.each<[string, string[], string, number, string]>([
    ['the default: the first remaining line takes over', ['a', 'b', 'c'], 'b', 1, 'a'],
    ['the first line while it is the default', ['a', 'b'], 'a', 0, 'b'],
    ['another line: the default stays', ['a', 'b'], 'a', 1, 'a'],
    ['the only line: no default', ['a'], 'a', 0, ''],
  ])('%s', (_name, ids, defaultId, index, expected) => {
    const draft = empty();
    for (const id of ids) addTrunk(draft, id);
    draft.defaultTrunkId = defaultId;
    removeTrunk(draft, index);
    expect(draft.defaultTrunkId).toBe(expected);
    expect(draft.trunks).toHaveLength(ids.length - 1);
  });
});
