import { describe, expect, it } from 'vitest';
import { FAILOVER_RULE, renderFailoverCondition } from '../../routing/failover';
import type { KitFlavour, KitInput } from './kit-input';
import { readDeskPhoneDropIn } from './read-desk-phone-drop-in';
import { renderInstallKit } from './render-install-kit';

/**
 * The PBX's retry rule is the app's (lib/routing/failover): the drop-in's [b24-dial-report] must carry exactly the
 * condition rendered from FAILOVER_RULE, and both install kits must dial through it. A change to the rule that is not
 * copied into desk-phone-routing.conf fails here.
 */
describe('failover in the shipped dialplan', () => {
  it('the drop-in judges each attempt with the rule rendered from FAILOVER_RULE', async () => {
    const dropIn = await readDeskPhoneDropIn();
    const { stop, next } = renderFailoverCondition();
    expect(dropIn).toContain(` same => n,GotoIf(${stop}?report)`);
    expect(dropIn).toContain(` same => n,ExecIf(${next}?Set(B24_NEXT=yes))`);
    for (const code of [...FAILOVER_RULE.nextSipCodes, ...FAILOVER_RULE.nextCauses]) expect(next).toContain(`${code}`);
  });

  it.each<KitFlavour>(['freepbx', 'asterisk'])('%s kit: its lines are dialled by [b24-dial-lines]', async (flavour) => {
    const input: KitInput = {
      pbxName: 'office',
      ami: { user: 'b24app', secret: 'secret' },
      routeUrl: 'http://127.0.0.1:3001/api/asterisk/route',
      recordingUrl: 'http://127.0.0.1:3001/api/asterisk/recording',
      routeSecret: '',
      portal: '',
      lines: [],
      defaultEndpoint: 'Beeline-GoIP',
      defaultDial: 'PJSIP/{number}@Beeline-GoIP',
      fallbacks: [],
      deskPhoneDropIn: await readDeskPhoneDropIn(),
    };
    const { text } = renderInstallKit({ flavour, input });
    expect(text).toContain('Gosub(b24-dial-lines,s,1(${DIAL_TIMEOUT}');
    expect(text).toContain('Gosub(b24-split-dials,s,1())');
    expect(text).toContain(renderFailoverCondition().next);
    expect(text).toMatch(/eventfilter = .*DeviceStateChange/);
  });
});
