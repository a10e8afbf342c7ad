import { checkDialTemplate, DIAL_NUMBER, dialResource } from '../routing/dial-template/check-dial-template';

/** Which leg a channel is, from the configuration: a line's (by its dial template) or a manager's (by extension). */
export type CallChannelMatcher = {
  /** The line key (the template's endpoint/peer/device/group, e.g. "Beeline-GoIP") when a trunk leg; else null. */
  trunkOf(channel: string): string | null;
  /** The line key a DialBegin's DialString names on a trunk channel (a Dongle group is known only from it). */
  trunkOfDial(channel: string, dialString: string): string | null;
  /** The manager's extension when the channel is a known user's phone (FreePBX Local/…@from-queue legs too). */
  extensionOf(channel: string): string | null;
  /** The line key whose gateway a device is ("PJSIP/Beeline-GoIP", "Dongle/dongle0" of a single group); else null. */
  lineOfDevice(device: string): string | null;
  /** The lines' devices whose state can be asked by name (a Dongle group's modems are learnt from their events). */
  lineDevices(): string[];
  /** The SIM slot a DialBegin dialled, when its line has a template per SIM and the dial string is one of them. */
  simOfDial(channel: string, dialString: string): number | null;
};

export type MatchCallChannelOptions = {
  /** Every line's dial template on this PBX (invalid ones are ignored: they could not have dialled). */
  templates: readonly string[];
  /** Users' extensions; empty = not known yet, any numeric endpoint counts. */
  extensions: readonly string[];
  /** Lines with a dial template per SIM: a SIM's own endpoint counts as its line, and its dial string names the SIM. */
  simLines?: ReadonlyArray<{ dial: string; simDials: readonly string[] }>;
};

type SimTemplate = { sim: number; before: string; after: string };

/** A Dongle template may name a group (g1, r2), a provider (p:25099) or an IMSI/IMEI prefix: not its channels' device. */
const DONGLE_SELECTOR = /^(?:[gGrR]\d+|[pPsSiI]:.*)$/;

/** "PJSIP/Beeline-GoIP-0000002a" → PJSIP, "Beeline-GoIP"; "Local/101@from-queue-00000012;1" → Local, "101@from-queue". */
export function splitChannelName(channel: string): { technology: string; resource: string } {
  const slash = channel.indexOf('/');
  const technology = slash < 0 ? '' : channel.slice(0, slash);
  const rest = channel.slice(slash + 1).replace(/;\d+$/, '');
  const dash = rest.lastIndexOf('-');
  return { technology, resource: dash > 0 ? rest.slice(0, dash) : rest };
}

const TECHNOLOGY_NAMES: Record<string, string> = { pjsip: 'PJSIP', sip: 'SIP', iax2: 'IAX2', dongle: 'Dongle' };

/** Builds the matcher once per configuration change: lookups per AMI event are two Map reads. */
export function matchCallChannel({
  templates,
  extensions,
  simLines = [],
}: MatchCallChannelOptions): CallChannelMatcher {
  const byChannel = new Map<string, string>();
  const dongleGroups: string[] = [];
  for (const template of templates) {
    const checked = checkDialTemplate(template);
    if (!checked.ok) continue;
    const key = `${checked.technology.toLowerCase()}/${checked.resource}`;
    if (checked.technology === 'Dongle' && DONGLE_SELECTOR.test(checked.resource)) dongleGroups.push(checked.resource);
    else if (!byChannel.has(key)) byChannel.set(key, checked.resource);
  }
  const simsByLine = new Map<string, SimTemplate[]>();
  for (const { dial, simDials } of simLines) {
    const line = checkDialTemplate(dial);
    if (!line.ok) continue;
    const sims: SimTemplate[] = [];
    simDials.forEach((simDial, sim) => {
      const checked = checkDialTemplate(simDial);
      if (!checked.ok) return;
      const key = `${checked.technology.toLowerCase()}/${checked.resource}`;
      if (!byChannel.has(key)) byChannel.set(key, line.resource);
      const [before, after] = checked.template.split(DIAL_NUMBER) as [string, string];
      sims.push({ sim, before: before.toLowerCase(), after: after.toLowerCase() });
    });
    simsByLine.set(line.resource, sims);
  }
  const known = new Set(extensions);
  const trunkOf = (channel: string): string | null => {
    const { technology, resource } = splitChannelName(channel);
    const exact = byChannel.get(`${technology.toLowerCase()}/${resource}`);
    if (exact !== undefined) return exact;
    if (technology.toLowerCase() !== 'dongle' || dongleGroups.length === 0) return null;
    // A device of some group: which group is only certain from the Dial (trunkOfDial); one group is that one.
    return dongleGroups.length === 1 ? dongleGroups[0]! : resource;
  };
  const trunkOfDial = (channel: string, dialString: string): string | null => {
    const line = trunkOf(channel);
    if (line === null) return null;
    const named = dialResource(dialString);
    if (named === null) return line;
    const { technology } = splitChannelName(channel);
    return byChannel.get(`${technology.toLowerCase()}/${named}`) ?? (dongleGroups.includes(named) ? named : line);
  };
  return {
    trunkOf,
    trunkOfDial,
    simOfDial(channel, dialString) {
      const sims = simsByLine.get(trunkOfDial(channel, dialString) ?? '');
      if (!sims) return null;
      const dialled = `${splitChannelName(channel).technology}/${dialString}`.toLowerCase();
      for (const { sim, before, after } of sims) {
        if (!dialled.startsWith(before) || !dialled.endsWith(after)) continue;
        if (/^\+?\d+$/.test(dialled.slice(before.length, dialled.length - after.length))) return sim;
      }
      return null;
    },
    lineOfDevice(device) {
      const slash = device.indexOf('/');
      const technology = device.slice(0, slash).toLowerCase();
      const exact = byChannel.get(`${technology}/${device.slice(slash + 1)}`);
      if (exact !== undefined) return exact;
      return technology === 'dongle' && dongleGroups.length === 1 ? dongleGroups[0]! : null;
    },
    lineDevices() {
      return [...byChannel.keys()].map((key) => {
        const slash = key.indexOf('/');
        return `${TECHNOLOGY_NAMES[key.slice(0, slash)] ?? key.slice(0, slash)}/${key.slice(slash + 1)}`;
      });
    },
    extensionOf(channel) {
      if (trunkOf(channel) !== null) return null;
      const { technology, resource } = splitChannelName(channel);
      // FreePBX's follow-me legs are Local/FMPR-101@… and Local/FMGL-101#@…: still extension 101's.
      const extension =
        technology.toLowerCase() === 'local' ? resource.split('@')[0]!.replace(/^FM(?:PR|GL)-|#$/g, '') : resource;
      if (!/^\d+$/.test(extension)) return null;
      return known.size === 0 || known.has(extension) ? extension : null;
    },
  };
}
