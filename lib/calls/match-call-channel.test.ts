import { describe, expect, it } from 'vitest';
import { matchCallChannel } from './match-call-channel';

const match = matchCallChannel({
  templates: [
    'PJSIP/{number}@Beeline-GoIP',
    'PJSIP/1#{number}@goip',
    'SIP/beeline/{number}',
    'IAX2/gw/{number}',
    'Dongle/g1/{number}',
    'PJSIP/{number}@7001',
    'not a template',
  ],
  extensions: ['101', '102', '201'],
});

describe('matchCallChannel', () => {
  it.each([
    ['PJSIP/Beeline-GoIP-0000002a', 'Beeline-GoIP', null],
    ['PJSIP/goip-00000003', 'goip', null],
    ['SIP/beeline-00000001', 'beeline', null],
    ['sip/beeline-00000001', 'beeline', null],
    ['IAX2/gw-12345', 'gw', null],
    ['Dongle/dongle0-0100000001', 'g1', null],
    // An extension-like endpoint that is a line is the line's, never a manager's phone.
    ['PJSIP/7001-00000004', '7001', null],
    ['PJSIP/Beeline-0000002a', null, null],
    ['PJSIP/gw_beeline-00000001', null, null],
    ['SIP/gw-00000001', null, null],
    ['IAX2/beeline-1', null, null],
    ['PJSIP/101-00000000', null, '101'],
    ['SIP/102-00000007', null, '102'],
    ['Local/101@from-queue-00000012;1', null, '101'],
    ['Local/201@from-internal-0000a1b2;2', null, '201'],
    ['Local/FMPR-101@from-internal-00000003;1', null, '101'],
    ['Local/FMGL-102#@from-internal-00000004;2', null, '102'],
    ['PJSIP/103-00000000', null, null],
    ['Local/s@macro-dial-00000001;1', null, null],
  ])('%s → line %s, extension %s', (channel, line, extension) => {
    expect(match.trunkOf(channel)).toBe(line);
    expect(match.extensionOf(channel)).toBe(extension);
  });

  it('takes a Dongle line from the Dial when several groups share the technology', () => {
    const two = matchCallChannel({ templates: ['Dongle/g1/{number}', 'Dongle/p:25099/{number}'], extensions: [] });
    expect(two.trunkOf('Dongle/dongle3-0100000002')).toBe('dongle3');
    expect(two.trunkOfDial('Dongle/dongle3-0100000002', 'p:25099/79151234567')).toBe('p:25099');
    expect(two.trunkOfDial('Dongle/dongle3-0100000002', 'g1/79151234567')).toBe('g1');
    expect(two.trunkOfDial('PJSIP/101-00000001', 'g1/79151234567')).toBeNull();
  });

  it('with no users known yet any numeric endpoint is a manager', () => {
    const fresh = matchCallChannel({ templates: [], extensions: [] });
    expect(fresh.extensionOf('PJSIP/555-00000001')).toBe('555');
    expect(fresh.trunkOf('PJSIP/gw_mts-00000001')).toBeNull();
  });

  describe('lines with a template per SIM', () => {
    const sims = matchCallChannel({
      templates: ['PJSIP/{number}@gw_mts', 'PJSIP/{number}@gw_beeline', 'Dongle/g1/{number}'],
      extensions: [],
      simLines: [
        { dial: 'PJSIP/{number}@gw_mts', simDials: [1, 2, 3, 4].map((port) => `PJSIP/${port}#{number}@gw_mts`) },
        {
          dial: 'PJSIP/{number}@gw_beeline',
          simDials: ['PJSIP/{number}@beeline_sim1', 'PJSIP/+{number}@beeline_sim2'],
        },
        { dial: 'Dongle/g1/{number}', simDials: ['Dongle/dongle0/{number}', 'Dongle/dongle1/{number}'] },
      ],
    });

    it.each([
      ['PJSIP/gw_mts-00000001', '3#79151234567@gw_mts', 'gw_mts', 2],
      ['PJSIP/gw_mts-00000001', '79151234567@gw_mts', 'gw_mts', null],
      ['PJSIP/gw_mts-00000001', '9#79151234567@gw_mts', 'gw_mts', null],
      ['PJSIP/beeline_sim2-00000002', '+79031234567@beeline_sim2', 'gw_beeline', 1],
      ['PJSIP/beeline_sim1-00000003', '79031234567@beeline_sim1', 'gw_beeline', 0],
      ['Dongle/dongle1-0100000001', 'dongle1/79151234567', 'g1', 1],
      ['PJSIP/101-00000001', '3#79151234567@gw_mts', null, null],
    ])('%s dialling %s → line %s, SIM %s', (channel, dialString, line, sim) => {
      expect(sims.trunkOfDial(channel, dialString)).toBe(line);
      expect(sims.simOfDial(channel, dialString)).toBe(sim);
    });

    it("a SIM's own endpoint is its line's channel", () => {
      expect(sims.trunkOf('PJSIP/beeline_sim1-00000004')).toBe('gw_beeline');
    });
  });
});
