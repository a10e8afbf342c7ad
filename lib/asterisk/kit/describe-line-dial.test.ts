import { describe, expect, it } from 'vitest';
import { describeLineDial } from './describe-line-dial';

describe('describeLineDial (from the line dial template)', () => {
  it.each([
    [
      'PJSIP/{number}@Beeline-GoIP',
      { endpoint: 'Beeline-GoIP', pre: 'PJSIP/', post: '@Beeline-GoIP', device: 'PJSIP/Beeline-GoIP' },
    ],
    ['PJSIP/1#{number}@goip', { endpoint: 'goip', pre: 'PJSIP/1#', post: '@goip', device: 'PJSIP/goip' }],
    ['SIP/beeline/{number}', { endpoint: 'beeline', pre: 'SIP/beeline/', post: '', device: 'SIP/beeline' }],
    ['IAX2/gw/{number}', { endpoint: 'gw', pre: 'IAX2/gw/', post: '', device: 'IAX2/gw' }],
  ])('%s', (dial, expected) => {
    expect(describeLineDial({ dial })).toMatchObject({ ...expected, template: dial });
  });

  it('refuses a template that is not valid', () => {
    expect(() => describeLineDial({ dial: 'PJSIP/{number}&Local/1' })).toThrow(/not valid/);
  });
});
