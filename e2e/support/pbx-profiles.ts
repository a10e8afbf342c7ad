/**
 * The two PBX profiles the browser suite places calls on: ours (scripts/peers/asterisk/pbx, AMI_*) and the
 * FreePBX-shaped one (scripts/peers/asterisk/freepbx, FREEPBX_AMI_*). Each has its own app server, database, dialplan
 * listener and Bitrix24 emulator, so a spec runs unchanged on either. Read by playwright.config.ts, so no test imports.
 */
import { FREEPBX_TRUNK_DIALS } from '../../lib/asterisk/testing/freepbx-trunk-dials';
import { demoTrunks } from '../../lib/routing/demo-routing-settings';
import { APP_PORT, E2E_DATABASE_URL } from './e2e-env';

export type PbxProfileName = 'asterisk' | 'freepbx';

export type PbxProfile = {
  name: PbxProfileName;
  appPort: number;
  appUrl: string;
  databaseUrl: string;
  /** The environment variable holding this profile's emulator port, picked once in the runner's main process. */
  emulatorPortVar: string;
  /** next dev's build folder: two dev servers cannot share one (each holds a lock in it). */
  distDir: string;
  /** The app's AMI_* for this profile's PBX; null without the peers (`npm run peers -- up` exports them). */
  amiEnv: Record<string, string> | null;
  /** The PBX's dial template of each demo line (beeline, megafon, mts, hr1, hr2), as its trunks are named there. */
  trunkDials: Record<string, string>;
  /**
   * The trunk leg carries the Bitrix24 call id (X-B24-Call-Id) to the gateway: our test PBX's dialplan adds it;
   * FreePBX's outbound route sends no header of ours, so there the journal alone ties the gateway's call to Bitrix24's.
   */
  callIdOnTrunk: boolean;
  /** The gateway simulator's desk phone <ext> calling <number> through this PBX (an Originate Channel on its AMI). */
  deskPhoneChannel: (extension: string, number: string) => string;
  /**
   * The PBX asks the run's app which line a desk phone takes by itself: the FreePBX-shaped one has this run's install
   * kit; ours asks the ROUTE_URL global, which a test points at the app under test (a developer's app has it else).
   */
  routesToTestApp: boolean;
};

const pick = (names: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(names).flatMap(([k, v]) => (v ? [[k, v]] : [])));

function asteriskAmiEnv(): Record<string, string> | null {
  const env = process.env;
  if (!env.AMI_HOST) return null;
  const { AMI_HOST, AMI_PORT, AMI_USER, AMI_SECRET, AMI_PBX_NAME } = env;
  return pick({ AMI_HOST, AMI_PORT, AMI_USER, AMI_SECRET, AMI_PBX_NAME });
}

function freepbxAmiEnv(): Record<string, string> | null {
  const env = process.env;
  if (!env.FREEPBX_AMI_HOST) return null;
  return pick({
    AMI_HOST: env.FREEPBX_AMI_HOST,
    AMI_PORT: env.FREEPBX_AMI_PORT,
    AMI_USER: env.FREEPBX_AMI_USER,
    AMI_SECRET: env.FREEPBX_AMI_SECRET,
    AMI_PBX_NAME: 'fpbx',
    // FreePBX rings the manager's phone from its outbound context, where the install kit's predial hook dials the line.
    AMI_ORIGINATE_CONTEXT: 'outbound',
  });
}

const FREEPBX_APP_PORT = APP_PORT + 2;

export const PBX_PROFILES: Record<PbxProfileName, PbxProfile> = {
  asterisk: {
    name: 'asterisk',
    appPort: APP_PORT,
    appUrl: `http://127.0.0.1:${APP_PORT}`,
    databaseUrl: E2E_DATABASE_URL,
    emulatorPortVar: 'E2E_EMULATOR_PORT',
    distDir: '.next',
    amiEnv: asteriskAmiEnv(),
    trunkDials: Object.fromEntries(demoTrunks.map((trunk) => [trunk.id, trunk.dial])),
    callIdOnTrunk: true,
    deskPhoneChannel: (extension, number) => `PJSIP/${number}@phone${extension}`,
    routesToTestApp: false,
  },
  freepbx: {
    name: 'freepbx',
    appPort: FREEPBX_APP_PORT,
    appUrl: `http://127.0.0.1:${FREEPBX_APP_PORT}`,
    databaseUrl: process.env.E2E_FREEPBX_DATABASE_URL ?? 'file:./data/e2e-freepbx.db',
    emulatorPortVar: 'E2E_FREEPBX_EMULATOR_PORT',
    distDir: '.next-freepbx',
    amiEnv: freepbxAmiEnv(),
    trunkDials: FREEPBX_TRUNK_DIALS,
    callIdOnTrunk: false,
    // The phone's own endpoint (its From user is the extension FreePBX knows it by), sent to FreePBX's SIP address.
    deskPhoneChannel: (extension, number) =>
      `PJSIP/phone${extension}/sip:${number}@${process.env.FREEPBX_SIP ?? '127.0.0.1:15160'}`,
    routesToTestApp: true,
  },
};

/**
 * The profiles this run serves: the FreePBX-shaped one only with its peers up (a developer without them still runs
 * e2e) and unless E2E_FREEPBX=0 (a quick run on our profile alone skips its second app server).
 */
export function enabledProfiles(): PbxProfile[] {
  const freepbx = PBX_PROFILES.freepbx.amiEnv !== null && process.env.E2E_FREEPBX !== '0';
  return freepbx ? [PBX_PROFILES.asterisk, PBX_PROFILES.freepbx] : [PBX_PROFILES.asterisk];
}
