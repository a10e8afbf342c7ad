import { describe, expect, it } from 'vitest';
import { decideSetupSteps } from './decide-setup-steps';
import { shouldOpenWizard } from './should-open-wizard';
import { demoRoutingSettings } from '@/lib/routing/demo-routing-settings';

const empty = { trunks: [], carrierGroups: [], profiles: [], defaultTrunkId: '' };

describe('shouldOpenWizard', () => {
  it.each([
    ['a new portal', empty, true],
    ['groups only (made by hand)', { ...empty, carrierGroups: demoRoutingSettings.carrierGroups }, true],
    ['one line', { ...empty, trunks: demoRoutingSettings.trunks.slice(0, 1), defaultTrunkId: 'beeline' }, false],
    ['the demo portal', demoRoutingSettings, false],
  ])('%s → %s', (_, settings, open) => {
    expect(shouldOpenWizard(decideSetupSteps({ ami: [], settings, lists: null }))).toBe(open);
  });
});
