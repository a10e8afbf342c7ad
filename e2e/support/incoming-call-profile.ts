/**
 * Where a browser test's client calls in, per PBX profile: which PBX the gateway simulator calls, through which
 * gateway, the company line number and the extensions its ring group rings, and the PBX's AMI (for the dialplan's
 * globals). Both profiles ring HR-1 (74950000201) on 201 and 202: ours through [from-gsm], the FreePBX-shaped one
 * through ring group 600 (its kit must be installed, as in lib/calls/incoming-calls-freepbx.int.test.ts).
 */
import type { AmiConnectionOptions } from '../../lib/asterisk/ami/ami-connection';
import { currentProfile } from './current-profile';
import type { PbxProfile } from './pbx-profiles';

export type IncomingCallProfile = {
  name: PbxProfile['name'];
  /** callIntoPbx's `pbx`: which PBX the client's call reaches. */
  pbx: 'pbx' | 'fpbx';
  through: string;
  lineNumber: string;
  /** The ring group's two desk phones. */
  ringGroup: readonly [string, string];
  /** The PBX's AMI, or null when its peers are not up (the test is skipped then). */
  ami: AmiConnectionOptions | null;
};

/** A PBX's AMI from the environment `npm run peers -- up` exported, or null. */
export function amiFrom(prefix: 'AMI' | 'FREEPBX_AMI'): AmiConnectionOptions | null {
  const env = process.env;
  const host = env[`${prefix}_HOST`];
  const user = env[`${prefix}_USER`];
  const secret = env[`${prefix}_SECRET`];
  if (!host || !user || !secret) return null;
  return { host, port: Number(env[`${prefix}_PORT`] ?? 5038), user, secret };
}

/** Where the client calls in the running test's PBX profile (currentProfile). */
export function incomingCallProfile(): IncomingCallProfile {
  const freepbx = currentProfile().name === 'freepbx';
  return {
    name: freepbx ? 'freepbx' : 'asterisk',
    pbx: freepbx ? 'fpbx' : 'pbx',
    through: 'hr1',
    lineNumber: '74950000201',
    ringGroup: ['201', '202'],
    ami: amiFrom(freepbx ? 'FREEPBX_AMI' : 'AMI'),
  };
}

/** The gateway simulator's AMI (scripts/peers), or null when the peers are not up. */
export function gatewayAmi(): AmiConnectionOptions | null {
  const env = process.env;
  if (!env.PEERS_GW_AMI_HOST || !env.PEERS_GW_AMI_SECRET) return null;
  return {
    host: env.PEERS_GW_AMI_HOST,
    port: Number(env.PEERS_GW_AMI_PORT ?? 25039),
    user: env.PEERS_GW_AMI_USER ?? 'gw',
    secret: env.PEERS_GW_AMI_SECRET,
  };
}
