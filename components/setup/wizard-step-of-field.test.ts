import { describe, expect, it } from 'vitest';
import { wizardStepOfField } from './wizard-step-of-field';

describe('wizardStepOfField', () => {
  it.each([
    ['trunks.2.lineNumber', { step: 'lines', row: 3 }],
    ['trunks', { step: 'lines', row: null }],
    ['carrierGroups.0.inns.1', { step: 'groups', row: 1 }],
    ['profiles.1.departmentIds.0', { step: 'departments', row: null }],
    ['defaultTrunkId', { step: 'defaultLine', row: null }],
  ])('%s', (path, expected) => {
    expect(wizardStepOfField(path)).toEqual(expected);
  });
});
