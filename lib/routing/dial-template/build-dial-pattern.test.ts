import { describe, expect, it } from 'vitest';
import { buildDialPattern } from './build-dial-pattern';
import { renderDialString } from './check-dial-template';

const templates = [
  'PJSIP/{number}@Beeline-GoIP',
  'PJSIP/1#{number}@goip.lan',
  'SIP/beeline/+{number}',
  'Dongle/p:25099/{number}',
  'broken',
];

describe('buildDialPattern', () => {
  const pattern = new RegExp(buildDialPattern({ templates }));

  it('allows exactly the lines with a number in place', () => {
    expect(buildDialPattern({ templates })).toBe(
      '^(PJSIP/[0-9]+@Beeline-GoIP|PJSIP/1#[0-9]+@goip[.]lan|SIP/beeline/[+][0-9]+|Dongle/p:25099/[0-9]+)$',
    );
    for (const template of templates.slice(0, 4)) expect(renderDialString(template, '79151234567')).toMatch(pattern);
  });

  it.each([
    'PJSIP/79151234567@Beeline-GoIPx',
    'PJSIP/1#79151234567@goipxlan',
    'PJSIP/@Beeline-GoIP',
    'Local/79151234567@from-internal',
    'SIP/beeline/79151234567',
  ])('refuses %s', (dial) => expect(dial).not.toMatch(pattern));

  it('matches nothing without a line', () => expect(buildDialPattern({ templates: [] })).toBe('^$'));
});
