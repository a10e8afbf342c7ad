import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmiConnection } from '../ami/ami-connection';
import { discoverTrunks } from './discover-trunks';
import { proposeLines } from './propose-lines';

const env = process.env;
const open = (host?: string, port?: string, user?: string, secret?: string) =>
  AmiConnection.open({ host: host!, port: Number(port), user: user!, secret: secret!, connectTimeoutMs: 5000 });
const named = (name: string, ami: AmiConnection) => ({
  name,
  action: ami.action.bind(ami),
  listAction: ami.listAction.bind(ami),
});

describe.skipIf(!env.AMI_HOST || !env.FREEPBX_AMI_HOST)('discoverTrunks on the real PBXes', () => {
  let pbx: AmiConnection;
  let fpbx: AmiConnection;
  beforeAll(async () => {
    pbx = await open(env.AMI_HOST, env.AMI_PORT, env.AMI_USER, env.AMI_SECRET);
    fpbx = await open(env.FREEPBX_AMI_HOST, env.FREEPBX_AMI_PORT, env.FREEPBX_AMI_USER, env.FREEPBX_AMI_SECRET);
  });
  afterAll(() => {
    pbx?.close();
    fpbx?.close();
  });

  it('an AMI user with `system` lists the PJSIP trunks (desk phones left out); chan_sip/dongle are absent', async () => {
    const found = await discoverTrunks({ ami: named('pbx', pbx) });
    expect(found.endpoints.map((e) => `${e.technology}/${e.name}`).sort()).toEqual([
      'PJSIP/gw_beeline',
      'PJSIP/gw_hr1',
      'PJSIP/gw_hr2',
      'PJSIP/gw_megafon',
      'PJSIP/gw_mts',
    ]);
    expect(found.gaps).toContainEqual({ action: 'SIPpeers', reason: 'absent' });
    expect(proposeLines(found.endpoints).map((line) => line.name)).toEqual(['Билайн', 'МегаФон', 'МТС']);
  });

  it("the kit's minimum-rights user on FreePBX: PJSIP denied, found from OUT_n and IAXpeerlist instead", async () => {
    const found = await discoverTrunks({ ami: named('fpbx', fpbx) });
    expect(found.gaps).toContainEqual({ action: 'PJSIPShowEndpoints', reason: 'denied' });
    expect(found.endpoints).toEqual(
      expect.arrayContaining([
        { technology: 'PJSIP', name: 'Beeline-GoIP' },
        { technology: 'PJSIP', name: 'MTS-GoIP' },
        { technology: 'IAX2', name: 'MegaFon-IAX' },
        { technology: 'PJSIP', name: 'HR1-GoIP' },
        { technology: 'PJSIP', name: 'HR2-GoIP' },
      ]),
    );
    expect(
      proposeLines(found.endpoints)
        .map((line) => [line.name, line.dial])
        .sort(),
    ).toEqual([
      ['Билайн', 'PJSIP/{number}@Beeline-GoIP'],
      ['МТС', 'PJSIP/{number}@MTS-GoIP'],
      ['МегаФон', 'IAX2/MegaFon-IAX/{number}'],
    ]);
  });
});
