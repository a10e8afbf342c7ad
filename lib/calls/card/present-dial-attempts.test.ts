import { describe, expect, it } from 'vitest';
import { presentDialAttempts } from './present-dial-attempts';

const lineNames = new Map([
  ['gw_mts', 'МТС'],
  ['gw_beeline', 'Билайн'],
]);
const attempts = [
  { attempt: 1, trunk: 'gw_mts', dialStatus: 'CONGESTION', cause: 34, sip: 503, moved: 'next' },
  { attempt: 2, trunk: 'gw_beeline', dialStatus: 'ANSWER', cause: 16, sip: null, moved: 'stop' },
];

describe('presentDialAttempts', () => {
  it.each([
    [
      'ru',
      [
        'МТС: шлюз не смог принять звонок (SIP 503, причина 34) → следующая линия',
        'Билайн: клиент ответил (причина 16)',
      ],
    ],
    [
      'en',
      [
        'МТС: the gateway could not carry the call (SIP 503, cause 34) → the next line',
        'Билайн: the client answered (cause 16)',
      ],
    ],
  ] as const)('%s', (lang, expected) => expect(presentDialAttempts({ attempts, lineNames, lang })).toEqual(expected));

  it('a busy client, an unknown line and a failure nothing explains', () => {
    const lines = presentDialAttempts({
      attempts: [
        { trunk: 'gw_mts', dialStatus: 'BUSY', cause: 17, sip: 486, moved: 'stop' },
        { trunk: 'gw_x', dialStatus: 'INVALIDARGS', moved: 'stop' },
        {},
      ],
      lineNames,
      lang: 'en',
    });
    expect(lines).toEqual([
      'МТС: the client was busy (SIP 486, cause 17)',
      'gw_x: the call failed: INVALIDARGS',
      '—: the call failed: —',
    ]);
  });
});
