import { AmiActionError, type AmiConnection } from '../ami/ami-connection';
import { amiField, type AmiMessage } from '../ami/ami-message';
import { KIT_CONTEXTS, type PbxFacts } from './pbx-check-types';

export type GatherPbxFactsOptions = {
  ami: AmiConnection;
  routeUrl: string;
  lines: Array<{ endpoint: string; device: string }>;
  users: Array<{ extension: string; name: string }>;
  /** How long the probe call's events are awaited. */
  probeMs?: number;
};

const DENIED = 'Permission denied';
/** A file every Linux PBX has, one short line: CURL() reading it proves func_curl without the app. */
const CURL_FILE = 'file:///proc/sys/kernel/ostype';

const message = (error: unknown) =>
  error instanceof AmiActionError ? (amiField(error.response, 'Message') ?? '') : String(error);
const denied = (error: unknown) => message(error) === DENIED;

/**
 * Asks the PBX what `pbx check` judges, with only what the minimum rights allow: ShowDialPlan, Getvar (CURL,
 * DEVICE_STATE), ExtensionState and one harmless Originate of a Local channel into the kit's probe (nobody rings).
 */
export async function gatherPbxFacts(options: GatherPbxFactsOptions): Promise<PbxFacts> {
  const { ami } = options;
  const facts: PbxFacts = {
    login: { ok: true },
    flavour: null,
    allowed: { originate: null, reporting: null },
    events: null,
    curl: { file: '', route: '' },
    kit: null,
    lines: [],
    users: [],
  };
  const dialplan = async (context: string): Promise<AmiMessage[] | null> => {
    try {
      return (await ami.listAction({ Action: 'ShowDialPlan', Context: context })).events;
    } catch (error) {
      if (denied(error)) throw error;
      return null; // "Did not find context"
    }
  };
  try {
    const kit = await dialplan('b24-kit');
    facts.allowed.reporting = true;
    facts.flavour = (await dialplan('macro-dialout-trunk')) ? 'freepbx' : 'asterisk';
    const missing: string[] = [];
    for (const context of KIT_CONTEXTS[facts.flavour]) if (!(await dialplan(context))) missing.push(context);
    const version = kit?.find((event) => amiField(event, 'Extension') === 'version');
    facts.kit = { missing, stamp: version ? (amiField(version, 'AppData') ?? null) : null };
  } catch (error) {
    if (!denied(error)) throw error;
    facts.allowed.reporting = false;
  }
  const getvar = async (variable: string, timeoutMs?: number) => {
    try {
      return amiField(await ami.action({ Action: 'Getvar', Variable: variable }, { timeoutMs }), 'Value') ?? '';
    } catch (error) {
      if (denied(error)) facts.allowed.reporting = false;
      throw error;
    }
  };
  facts.curl.file = await getvar(`CURL(${CURL_FILE})`).catch(() => '');
  for (const line of options.lines)
    facts.lines.push({ ...line, state: await getvar(`DEVICE_STATE(${line.device})`).catch(() => '') });
  const context = facts.flavour === 'freepbx' ? 'ext-local' : 'from-internal';
  for (const user of options.users) {
    const state = await ami.action({ Action: 'ExtensionState', Exten: user.extension, Context: context }).then(
      (response) => Number(amiField(response, 'Status') ?? -1),
      () => null,
    );
    const device = await getvar(`DEVICE_STATE(PJSIP/${user.extension})`).catch(() => '');
    facts.users.push({ ...user, hint: state, device });
  }
  await probeCall(ami, facts, options.probeMs ?? 1500);
  // last: func_curl without a connect timeout can hold this AMI session for minutes when the app's host drops packets
  const probe = `${options.routeUrl}?number=0&ext=0`;
  facts.curl.route = await getvar(`CURL(${probe})`, 5000).catch((error) => {
    facts.curl.routeError = message(error);
    return '';
  });
  return facts;
}

/** Originate into the kit's probe and watch which event classes reach this user (its read rights). */
async function probeCall(ami: AmiConnection, facts: PbxFacts, probeMs: number): Promise<void> {
  const seen = { call: false, dialplan: false, user: false };
  const onEvent = (event: AmiMessage) => {
    const channel = amiField(event, 'Channel') ?? '';
    if (event.Event === 'Newchannel' && channel.startsWith('Local/probe@b24-kit')) seen.call = true;
    if (event.Event === 'VarSet' && amiField(event, 'Value') === 'b24-kit-probe') seen.dialplan = true;
    if (event.Event === 'UserEvent' && amiField(event, 'UserEvent') === 'B24KitProbe') seen.user = true;
  };
  ami.on('event', onEvent);
  try {
    // Async: the Local channel is never answered, so a synchronous Originate would only report failure.
    await ami.action({
      Action: 'Originate',
      Channel: 'Local/probe@b24-kit',
      Context: 'b24-kit',
      Exten: 'version',
      Priority: 1,
      Timeout: 2000,
      Async: 'true',
    });
    facts.allowed.originate = true;
  } catch (error) {
    facts.allowed.originate = denied(error) ? false : null;
  } finally {
    if (facts.allowed.originate && facts.kit && !facts.kit.missing.includes('b24-kit'))
      await new Promise((resolve) => setTimeout(resolve, probeMs));
    ami.off('event', onEvent);
  }
  if (facts.allowed.originate && facts.kit && !facts.kit.missing.includes('b24-kit')) facts.events = seen;
}
