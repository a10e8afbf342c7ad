import { describe, expect, it } from 'vitest';
import { describeLineDial } from './describe-line-dial';

describe('describeLineDial (the trunk fields of today)', () => {
  it.each([
    ['Beeline-GoIP', { endpoint: 'Beeline-GoIP', pre: 'PJSIP/', post: '@Beeline-GoIP', device: 'PJSIP/Beeline-GoIP' }],
    ['PJSIP/gw_mts', { endpoint: 'gw_mts', pre: 'PJSIP/', post: '@gw_mts', device: 'PJSIP/gw_mts' }],
    [' pjsip/HR1-GoIP ', { endpoint: 'HR1-GoIP', pre: 'PJSIP/', post: '@HR1-GoIP', device: 'PJSIP/HR1-GoIP' }],
  ])('%j', (dialTarget, expected) => {
    expect(describeLineDial({ dialTarget })).toEqual(expected);
  });
});
