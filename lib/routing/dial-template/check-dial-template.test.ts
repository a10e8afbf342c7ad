import { describe, expect, it } from 'vitest';
import { checkDialTemplate, dialResource, renderDialString } from './check-dial-template';
import { dialTemplateMessage } from './dial-template-message';

describe('checkDialTemplate', () => {
  it.each([
    ['PJSIP/{number}@Beeline-GoIP', 'PJSIP/{number}@Beeline-GoIP', 'PJSIP', 'Beeline-GoIP'],
    ['PJSIP/{number}@gw_mts', 'PJSIP/{number}@gw_mts', 'PJSIP', 'gw_mts'],
    ['  pjsip/1#{number}@goip ', 'PJSIP/1#{number}@goip', 'PJSIP', 'goip'],
    ['SIP/beeline/{number}', 'SIP/beeline/{number}', 'SIP', 'beeline'],
    ['SIP/{number}@beeline', 'SIP/{number}@beeline', 'SIP', 'beeline'],
    ['IAX2/gw/{number}', 'IAX2/gw/{number}', 'IAX2', 'gw'],
    ['iax2/user@gw/{number}', 'IAX2/user@gw/{number}', 'IAX2', 'gw'],
    ['Dongle/g1/{number}', 'Dongle/g1/{number}', 'Dongle', 'g1'],
    ['Dongle/p:25099/{number}', 'Dongle/p:25099/{number}', 'Dongle', 'p:25099'],
    ['Dongle/dongle0/+{number}', 'Dongle/dongle0/+{number}', 'Dongle', 'dongle0'],
  ])('accepts %j as %j (%s, line %s)', (input, template, technology, resource) => {
    expect(checkDialTemplate(input)).toEqual({ ok: true, template, technology, resource });
  });

  it.each([
    ['', 'empty', undefined],
    ['   ', 'empty', undefined],
    [`PJSIP/{number}@${'g'.repeat(120)}`, 'tooLong', undefined],
    ['gw_mts', 'technology', undefined],
    ['Local/{number}@from-internal', 'technology', undefined],
    ['DAHDI/g0/{number}', 'technology', undefined],
    ['PJSIP/gw_mts', 'number', undefined],
    ['PJSIP/{number}{number}@gw', 'number', undefined],
    ['PJSIP/{number}@gw&PJSIP/1', 'forbidden', '&'],
    ['PJSIP/{number}@gw,30,tT', 'forbidden', ','],
    ['PJSIP/{number}@gw)', 'forbidden', ')'],
    ['PJSIP/{number}@(gw', 'forbidden', '('],
    ['PJSIP/{number}@gw|x', 'forbidden', '|'],
    ['PJSIP/{number}@gw;x', 'forbidden', ';'],
    ['PJSIP/{number}@gw\rx', 'forbidden', '\r'],
    ['PJSIP/{number}@gw\nx', 'forbidden', '\n'],
    // Dialplan functions and variables: a "$" never reaches Dial() from a template.
    ['PJSIP/{number}@$' + '{SHELL(x)}', 'forbidden', '('],
    ['PJSIP/{number}@$' + '{GW}', 'characters', '$'],
    ['SIP/gw beeline/{number}', 'characters', ' '],
    ['PJSIP/{num}@gw', 'number', undefined],
    ['PJSIP/{number}', 'line', undefined],
    ['PJSIP/{number}@', 'line', undefined],
    ['SIP/{number}/x', 'line', undefined],
  ])('refuses %j: %s', (input, problem, character) => {
    const checked = checkDialTemplate(input);
    expect(checked).toEqual(character === undefined ? { ok: false, problem } : { ok: false, problem, character });
  });

  it('reads the line from a DialBegin DialString and renders one call', () => {
    expect(dialResource('79151234567@Beeline-GoIP')).toBe('Beeline-GoIP');
    expect(dialResource('g1/79151234567')).toBe('g1');
    expect(dialResource('79151234567')).toBeNull();
    expect(renderDialString('PJSIP/1#{number}@goip', '79151234567')).toBe('PJSIP/1#79151234567@goip');
  });

  it('says what is wrong in Russian, then English', () => {
    expect(dialTemplateMessage({ problem: 'forbidden', character: '\n' })).toBe(
      'Символ «LF» недопустим: он меняет команду Dial (запрещены & , ( ) | ; и перевод строки) / ' +
        '"LF" is not allowed: it changes the Dial command (& , ( ) | ; and line breaks are refused)',
    );
    expect(dialTemplateMessage({ problem: 'technology' })).toContain('PJSIP, SIP, IAX2, Dongle');
  });
});
