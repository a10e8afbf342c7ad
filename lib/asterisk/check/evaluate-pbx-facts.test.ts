import { describe, expect, it } from 'vitest';
import { evaluatePbxFacts } from './evaluate-pbx-facts';
import { formatCheckLine } from './format-check-line';
import type { PbxFacts } from './pbx-check-types';

const STAMP = 'b24-kit-freepbx-1-aaaaaaaaaaaa';
const healthy: PbxFacts = {
  login: { ok: true },
  flavour: 'freepbx',
  allowed: { originate: true, reporting: true },
  events: { call: true, dialplan: true, user: true },
  curl: { file: 'Linux', route: 'MTS-GoIP' },
  kit: { missing: [], stamp: STAMP },
  lines: [{ endpoint: 'Beeline-GoIP', device: 'PJSIP/Beeline-GoIP', state: 'NOT_INUSE' }],
  users: [{ extension: '201', name: 'Galina', hint: 0, device: 'NOT_INUSE' }],
};
const failing = (facts: PbxFacts) =>
  evaluatePbxFacts({ pbx: 'office', facts, expectedStamp: STAMP, routeUrl: 'http://app/route' })
    .filter((result) => result.status !== 'pass')
    .map((result) => `${result.status} ${[result.check, result.subject].filter(Boolean).join(' ')}`);

describe('evaluatePbxFacts', () => {
  it.each<[string, Partial<PbxFacts>, string[]]>([
    ['a correct PBX', {}, []],
    ['login refused', { login: { ok: false, error: 'Authentication failed' } }, ['fail ami-login']],
    [
      'no originate',
      { allowed: { originate: false, reporting: true }, events: null },
      ['fail ami-right originate', 'skip ami-right call', 'skip ami-right dialplan', 'skip ami-right user'],
    ],
    [
      'no reporting',
      { allowed: { originate: true, reporting: false }, kit: null, curl: { file: '', route: '' } },
      [
        'fail ami-right reporting',
        'skip func-curl',
        'skip route-url',
        'skip kit-contexts',
        'skip kit-version',
        'skip line',
        'skip extension',
      ],
    ],
    ['no read user', { events: { call: true, dialplan: true, user: false } }, ['fail ami-right user']],
    ['no func_curl', { curl: { file: '', route: '' } }, ['fail func-curl', 'skip route-url']],
    ['the app unreachable from the PBX', { curl: { file: 'Linux', route: '' } }, ['fail route-url']],
    ['no kit', { kit: { missing: ['b24-kit', 'outbound'], stamp: null } }, ['fail kit-contexts', 'skip kit-version']],
    ['a stale kit', { kit: { missing: [], stamp: 'b24-kit-freepbx-1-bbbbbbbbbbbb' } }, ['fail kit-version']],
    [
      'a missing endpoint',
      { lines: [{ endpoint: 'Ghost', device: 'PJSIP/Ghost', state: 'INVALID' }] },
      ['fail line Ghost'],
    ],
    [
      'an unreachable gateway',
      { lines: [{ endpoint: 'G', device: 'PJSIP/G', state: 'UNAVAILABLE' }] },
      ['fail line G'],
    ],
    ['an IAX2 peer in state UNKNOWN', { lines: [{ endpoint: 'I', device: 'IAX2/I', state: 'UNKNOWN' }] }, []],
    [
      'an extension with no hint but a device',
      { users: [{ extension: '7', name: 'x', hint: -1, device: 'NOT_INUSE' }] },
      [],
    ],
    [
      'an extension nowhere',
      { users: [{ extension: '7', name: 'x', hint: -1, device: 'INVALID' }] },
      ['fail extension 7 x'],
    ],
  ])('%s', (_case, change, expected) => {
    expect(failing({ ...healthy, ...change })).toEqual(expected);
  });

  it('prints one line per check, with the fix in Russian and English', () => {
    const facts = { ...healthy, allowed: { originate: false, reporting: true }, events: null };
    const [, originate] = evaluatePbxFacts({ pbx: 'office', facts, expectedStamp: STAMP, routeUrl: 'x' });
    expect(formatCheckLine({ result: originate! })).toBe(
      'FAIL office: ami-right originate: missing right: originate — Добавьте originate в строку write = ' +
        'пользователя AMI (manager_custom.conf (FreePBX) / manager.conf), затем manager reload / Add originate to ' +
        "the AMI user's write = line (manager_custom.conf (FreePBX) / manager.conf), then manager reload",
    );
  });
});
