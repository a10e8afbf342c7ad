import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { describeLineDial } from './describe-line-dial';
import type { KitFlavour, KitInput } from './kit-input';
import { renderInstallKit } from './render-install-kit';
import { splitKitSections } from './split-kit-sections';

const line = (endpoint: string, label: string) => ({
  ...describeLineDial({ dial: `PJSIP/{number}@${endpoint}` }),
  label,
});
const input: KitInput = {
  pbxName: 'office',
  ami: { user: 'b24app', secret: 'secret;with-semicolon' },
  routeUrl: 'http://127.0.0.1:3001/api/asterisk/route',
  routeSecret: '',
  recordingUrl: 'https://calls.example.ru/api/asterisk/recording',
  portal: '',
  lines: [line('Beeline-GoIP', 'Билайн'), line('MTS-GoIP', 'МТС'), line('HR1-GoIP', 'HR-1'), line('HR2-GoIP', 'HR-2')],
  defaultEndpoint: 'Beeline-GoIP',
  defaultDial: 'PJSIP/{number}@Beeline-GoIP',
  fallbacks: [{ extension: '201', endpoint: 'HR1-GoIP', department: 'HR' }],
  deskPhoneDropIn: '; header for plain Asterisk\n[route-desk-call]\nexten => s,1,Return()\n',
};
const flavours: KitFlavour[] = ['freepbx', 'asterisk'];

describe('renderInstallKit', () => {
  it.each(flavours)('%s: three parts, every line configuration or a comment', (flavour) => {
    const { text, stamp } = renderInstallKit({ flavour, input });
    const { ami, globals, dialplan } = splitKitSections({ text });
    expect(ami).toMatch(/^\[b24app\]$/m);
    expect(ami).toMatch(/^secret = secret\\;with-semicolon$/m);
    expect(ami).toMatch(/^read = call,dialplan,user$/m);
    expect(ami).toMatch(/^write = originate,reporting$/m);
    expect(ami.match(/^eventfilter = /gm)).toHaveLength(3);
    expect(globals).toMatch(/^\[globals\]$/m);
    expect(globals).toContain(`B24_KIT_VERSION=${stamp}`);
    expect(globals).toMatch(/^TRUNK_PATTERN=\^\(Beeline-GoIP\|MTS-GoIP\|HR1-GoIP\|HR2-GoIP\)\$$/m);
    expect(globals).toMatch(/^B24_DIALPOST_HR1_GoIP=@HR1-GoIP$/m);
    expect(globals).toMatch(/^B24_FALLBACK_201=HR1-GoIP ; HR$/m);
    expect(dialplan).toContain(`exten => version,1,NoOp(${stamp})`);
    expect(dialplan).toContain('[outbound]');
    expect(dialplan).toContain('[route-desk-call]');
    expect(stamp).toMatch(new RegExp(`^b24-kit-${flavour}-1-[0-9a-f]{12}$`));
  });

  it('FreePBX: the predial hook is left with MacroExit under Macro (16), else Return (17), and dials the line', () => {
    const { dialplan } = splitKitSections({ text: renderInstallKit({ flavour: 'freepbx', input }).text });
    const hook = dialplan.split('[macro-dialout-trunk-predial-hook]\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(hook.filter((line) => !line.trimStart().startsWith(';'))).toEqual([
      'exten => s,1,Gosub(b24-predial,s,1())',
      ' same => n,ExecIf($[0${MACRO_DEPTH} > 0]?MacroExit())',
      ' same => n,Return()',
    ]);
    expect(dialplan).toContain('Set(PREDIAL_HOOK_RET=BYPASS)');
    // incoming calls: the client's manager first, then the inbound route's ring group
    expect(dialplan).toContain('[b24-incoming]');
    expect(dialplan).toContain('Gosub(route-incoming-call,s,1(${FILTER(0-9,${CALLERID(num)})}))');
    expect(dialplan).not.toContain('; header for plain Asterisk'); // its advice is for plain Asterisk
  });

  it("plain Asterisk: the drop-in verbatim, and the departments' fallback around it", () => {
    const { dialplan } = splitKitSections({ text: renderInstallKit({ flavour: 'asterisk', input }).text });
    expect(dialplan).toContain('; header for plain Asterisk\n[route-desk-call]');
    expect(dialplan).toContain('[b24-desk-call]');
    expect(dialplan).not.toContain('macro-dialout-trunk');
  });

  it.each<[string, Partial<KitInput>, boolean]>([
    ['the same settings', {}, false],
    ['the AMI user (not in the dialplan)', { ami: { user: 'other', secret: 'x' } }, false],
    ['a department fallback', { fallbacks: [{ extension: '201', endpoint: 'HR2-GoIP', department: 'HR' }] }, true],
    ['the route URL', { routeUrl: 'http://10.0.0.5:3001/api/asterisk/route' }, true],
    ['the default line', { defaultEndpoint: 'MTS-GoIP' }, true],
    ['a line less', { lines: input.lines.slice(0, 3) }, true],
  ])('the stamp changes with %s: %s', (_what, change, changes) => {
    const before = renderInstallKit({ flavour: 'freepbx', input }).stamp;
    const after = renderInstallKit({ flavour: 'freepbx', input: { ...input, ...change } }).stamp;
    expect(after !== before).toBe(changes);
  });

  it('refuses lines Asterisk cannot tell apart, and values that would break a .conf line', () => {
    const twins = { ...input, lines: [line('A-B', 'one'), line('A_B', 'two')] };
    expect(() => renderInstallKit({ flavour: 'asterisk', input: twins })).toThrow(AppError);
    const broken = { ...input, routeSecret: 'x\ny' };
    expect(() => renderInstallKit({ flavour: 'asterisk', input: broken })).toThrow(/line breaks/);
  });
});
