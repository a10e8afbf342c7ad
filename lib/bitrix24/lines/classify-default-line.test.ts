import { describe, expect, it } from 'vitest';
import { classifyDefaultLine } from './classify-default-line';

describe('classifyDefaultLine: voximplant.line.outgoing.get against our app.info ID and CODE', () => {
  it.each([
    { line: 'REST_APP:5', appId: 5, state: 'ours' },
    { line: 'REST_APP:5', appId: '5', state: 'ours' },
    { line: 'REST_APP:7', appId: 5, state: 'otherApp' },
    { line: 'reg150907', appId: 5, state: 'portalLine' },
    { line: 'sip7', appId: 5, state: 'portalLine' },
    { line: '74951234567', appId: 5, state: 'portalLine' },
    { line: 'REST_APP:local.app', appId: 'local.app', state: 'ours' },
    { line: 'REST_APP:5', appId: undefined, state: 'unknown' },
    { line: '', appId: 5, state: 'unknown' },
    { line: 1, appId: 5, state: 'unknown' },
    { line: null, appId: 5, state: 'unknown' },
    { line: 'x'.repeat(101), appId: 5, state: 'unknown' },
  ])('$line, app $appId → $state', ({ line, appId, state }) => {
    expect(classifyDefaultLine(line, [appId]).state).toBe(state);
  });
});
