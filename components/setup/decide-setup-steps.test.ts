import { describe, expect, it } from 'vitest';
import { demoRoutingSettings } from '@/lib/routing/demo-routing-settings';
import type { RoutingSettings } from '@/lib/routing/types';
import { decideSetupSteps, type SetupStepId, type SetupStepState } from './decide-setup-steps';

const empty: RoutingSettings = { trunks: [], carrierGroups: [], profiles: [], defaultTrunkId: '' };
const noLists = { whitelistUsers: [], whitelistDepartments: [], whitelistExtensions: [], neverRecord: [] };
const pbxUp = [{ name: 'pbx', host: '127.0.0.1', port: 5038, ok: true }];
const pbxDown = [{ name: 'pbx', host: '127.0.0.1', port: 5038, ok: false }];
const lineWithoutGroup: RoutingSettings = {
  ...empty,
  trunks: [{ ...demoRoutingSettings.trunks[0]!, carrierGroupId: '' }],
  defaultTrunkId: demoRoutingSettings.trunks[0]!.id,
};

const states = (steps: ReturnType<typeof decideSetupSteps>) =>
  Object.fromEntries(steps.map((step) => [step.id, step.state])) as Record<SetupStepId, SetupStepState>;

describe('decideSetupSteps', () => {
  it.each<[string, Parameters<typeof decideSetupSteps>[0], Partial<Record<SetupStepId, SetupStepState>>]>([
    [
      'a new portal without a PBX',
      { ami: [], settings: empty, lists: noLists },
      { pbx: 'todo', lines: 'todo', groups: 'todo', departments: 'todo', hrNumbers: 'todo', defaultLine: 'todo' },
    ],
    ['a PBX that does not answer', { ami: pbxDown, settings: empty, lists: noLists }, { pbx: 'warn' }],
    [
      'a line saved before its group',
      { ami: pbxUp, settings: lineWithoutGroup, lists: noLists },
      { pbx: 'done', lines: 'done', groups: 'todo', defaultLine: 'done' },
    ],
    [
      'the reference deployment',
      {
        ami: pbxUp,
        settings: demoRoutingSettings,
        lists: { ...noLists, whitelistDepartments: [{ value: '1', note: '' }] },
      },
      {
        pbx: 'done',
        lines: 'done',
        groups: 'done',
        departments: 'done',
        hrNumbers: 'done',
        defaultLine: 'done',
        whitelist: 'done',
        test: 'manual',
      },
    ],
  ])('%s', (_name, options, expected) => {
    expect(states(decideSetupSteps(options))).toMatchObject(expected);
  });

  it('warns about lines without a carrier group once groups exist', () => {
    const settings = { ...lineWithoutGroup, carrierGroups: [{ id: 'g', name: 'МТС', inns: [] }] };
    const groups = decideSetupSteps({ ami: pbxUp, settings, lists: null }).find((step) => step.id === 'groups');
    expect(groups).toMatchObject({ state: 'warn', count: 1 });
  });
});
