import { describe, expect, it } from 'vitest';
import { checkDialTemplate } from '../../routing/dial-template/check-dial-template';
import { carrierOfName, proposeLines } from './propose-lines';
import { readFreepbxTrunk } from './read-freepbx-trunk';
import type { PbxEndpoint } from './types';

describe('carrierOfName', () => {
  it.each([
    ['gw_beeline', 'beeline'],
    ['Beeline-GoIP', 'beeline'],
    ['BEE-1', 'beeline'],
    ['goip_bee2', 'beeline'],
    ['Билайн', 'beeline'],
    ['gw_megafon', 'megafon'],
    ['MegaFon-IAX', 'megafon'],
    ['mf_1', 'megafon'],
    ['Мегафон-шлюз', 'megafon'],
    ['gw_mts', 'mts'],
    ['MTS-GoIP', 'mts'],
    ['mts2', 'mts'],
    ['МТС_1', 'mts'],
    ['t2', 't2'],
    ['T2-GoIP', 't2'],
    ['gw_tele2', 't2'],
    ['Теле2', 't2'],
    ['HR1-GoIP', null],
    ['gw_hr2', null],
    ['bees', null],
    ['smtsp', null],
    ['mft', null],
    ['t22x', null],
    ['', null],
  ])('%s → %s', (name, carrier) => {
    expect(carrierOfName(name)).toBe(carrier);
  });
});

describe('proposeLines', () => {
  const endpoints: PbxEndpoint[] = [
    { technology: 'PJSIP', name: 'Beeline-GoIP' },
    { technology: 'PJSIP', name: 'HR1-GoIP' },
    { technology: 'IAX2', name: 'MegaFon-IAX' },
    { technology: 'SIP', name: 'mts1' },
    { technology: 'Dongle', name: 'mts2' },
    { technology: 'PJSIP', name: 'gw_t2' },
  ];

  it('one line per carrier-named trunk, in the PBX order, a second one numbered, in its technology', () => {
    expect(proposeLines(endpoints).map(({ carrier, name, dial }) => [carrier, name, dial])).toEqual([
      ['beeline', 'Билайн', 'PJSIP/{number}@Beeline-GoIP'],
      ['megafon', 'МегаФон', 'IAX2/MegaFon-IAX/{number}'],
      ['mts', 'МТС', 'SIP/mts1/{number}'],
      ['mts', 'МТС-2', 'Dongle/mts2/{number}'],
      ['t2', 'T2', 'PJSIP/{number}@gw_t2'],
    ]);
  });

  it('every proposed dial template passes the one dial check, naming its endpoint', () => {
    for (const line of proposeLines(endpoints)) {
      const checked = checkDialTemplate(line.dial);
      expect(checked.ok && checked.resource).toBe(line.endpoint.name);
    }
  });

  it('nothing to propose from an empty PBX or one without carrier names', () => {
    expect(proposeLines([])).toEqual([]);
    expect(proposeLines([{ technology: 'PJSIP', name: 'trunk1' }])).toEqual([]);
  });
});

describe('readFreepbxTrunk', () => {
  it.each([
    ['AMP:PJSIP/$OUTNUM$@Beeline-GoIP', { technology: 'PJSIP', name: 'Beeline-GoIP' }],
    ['PJSIP/MTS-GoIP', { technology: 'PJSIP', name: 'MTS-GoIP' }],
    ['IAX2/MegaFon-IAX', { technology: 'IAX2', name: 'MegaFon-IAX' }],
    ['SIP/beeline', { technology: 'SIP', name: 'beeline' }],
    ['DONGLE/g1', { technology: 'Dongle', name: 'g1' }],
    ['ZAP/g0', null],
    ['', null],
    ['PJSIP/bad name', null],
  ])('%s', (value, endpoint) => {
    expect(readFreepbxTrunk(value)).toEqual(endpoint);
  });
});
