import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { demoRoutingSettings } from './demo-routing-settings';
import type { RoutingSettings } from './types';
import { validateRoutingSettings } from './validate-routing-settings';

const clone = (): RoutingSettings => structuredClone(demoRoutingSettings);

function fieldsOf(settings: unknown): Record<string, string> {
  try {
    validateRoutingSettings(settings);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields ?? {};
  }
  throw new Error('expected the settings to be refused');
}

describe('validateRoutingSettings', () => {
  it('accepts the reference deployment', () => {
    expect(validateRoutingSettings(clone())).toEqual(demoRoutingSettings);
  });

  it.each<[string, (s: RoutingSettings) => void, string, RegExp]>([
    ['HR with three numbers', (s) => { s.profiles[1]!.allowedTrunkIds.push('beeline'); }, 'profiles.1.allowedTrunkIds', /exactly two numbers/],
    ['HR with one number', (s) => { s.profiles[1]!.allowedTrunkIds = ['hr1']; }, 'profiles.1.allowedTrunkIds', /ровно два номера/],
    ['a trunk with no carrier group', (s) => { s.trunks[0]!.carrierGroupId = ''; }, 'trunks.0.carrierGroupId', /carrier group/],
    ['a trunk with an unknown carrier group', (s) => { s.trunks[2]!.carrierGroupId = 'nope'; }, 'trunks.2.carrierGroupId', /carrier group/],
    ['a negative cap', (s) => { s.trunks[1]!.caps.callsPerDay = -5; }, 'trunks.1.caps.callsPerDay', /Cannot be negative/],
    ['a negative minutes cap', (s) => { s.trunks[1]!.caps.minutesPerMonth = -1; }, 'trunks.1.caps.minutesPerMonth', /отрицательным/],
    ['a fractional cap', (s) => { s.trunks[1]!.caps.minGapSeconds = 1.5; }, 'trunks.1.caps.minGapSeconds', /Whole number/],
    ['zero SIMs', (s) => { s.trunks[0]!.channels = 0; }, 'trunks.0.channels', /At least one SIM/],
    ['a dial target that could inject dialplan', (s) => { s.trunks[0]!.dialTarget = 'gw&Local/1@x'; }, 'trunks.0.dialTarget', /letters, digits/],
    ['a duplicate line name', (s) => { s.trunks[1]!.name = s.trunks[0]!.name; }, 'trunks.1.name', /unique/],
    ['a default line outside the profile', (s) => { s.profiles[0]!.defaultTrunkId = 'hr1'; }, 'profiles.0.defaultTrunkId', /allowed one/],
    ['an unknown global default', (s) => { s.defaultTrunkId = 'x'; }, 'defaultTrunkId', /default line/],
    ['an INN in two groups', (s) => { s.carrierGroups[1]!.inns.push(s.carrierGroups[0]!.inns[0]!); }, 'carrierGroups.1.inns.2', /already in/],
    ['a malformed INN', (s) => { s.carrierGroups[0]!.inns.push('12345'); }, 'carrierGroups.0.inns.1', /10 digits/],
  ])('refuses %s with a field-level message', (_name, mutate, field, message) => {
    const settings = clone();
    mutate(settings);
    const fields = fieldsOf(settings);
    expect(fields[field]).toMatch(message);
  });

  it('refuses what is not settings at all', () => {
    expect(Object.keys(fieldsOf({ trunks: 'x' }))).toContain('trunks');
  });
});
