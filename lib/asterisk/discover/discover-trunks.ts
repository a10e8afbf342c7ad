import { AmiActionError } from '../ami/ami-connection';
import { amiField, type AmiMessage } from '../ami/ami-message';
import type { AmiManager } from '../ami-manager';
import { readFreepbxTrunk } from './read-freepbx-trunk';
import type { DiscoveredTrunks, DiscoveryGap, PbxEndpoint } from './types';

export type DiscoverTrunksOptions = {
  ami: Pick<AmiManager, 'name' | 'action' | 'listAction'>;
  timeoutMs?: number;
};

/** Each list action, the event it answers with and the header naming the endpoint. */
const LISTS = [
  { action: 'PJSIPShowEndpoints', technology: 'PJSIP', event: 'EndpointList', field: 'ObjectName' },
  { action: 'SIPpeers', technology: 'SIP', event: 'PeerEntry', field: 'ObjectName' },
  { action: 'IAXpeerlist', technology: 'IAX2', event: 'PeerEntry', field: 'ObjectName' },
  { action: 'DongleShowDevices', technology: 'Dongle', event: 'DongleDeviceEntry', field: 'Device' },
] as const;
/** FreePBX numbers its trunks OUT_1, OUT_2…; gaps are left by deleted trunks, so a few empty ones end the scan. */
const FREEPBX_TRUNKS_MAX = 40;
const FREEPBX_EMPTY_RUN = 5;

/**
 * The PBX's trunk endpoints, over the app's own AMI session with the kit's minimum rights. PJSIPShowEndpoints needs
 * `system`, which the kit's user does not have (Asterisk 22 answers "Permission denied"); IAXpeerlist and the
 * FreePBX trunk globals (Getvar OUT_n) need only `reporting`. A list that cannot be read is reported as a gap, so
 * the wizard says why and asks for the trunk's name instead. Desk phones (all-digit names) are not trunks.
 */
export async function discoverTrunks({ ami, timeoutMs = 5000 }: DiscoverTrunksOptions): Promise<DiscoveredTrunks> {
  const endpoints: PbxEndpoint[] = [];
  const gaps: DiscoveryGap[] = [];
  const add = (endpoint: PbxEndpoint | null) => {
    if (!endpoint || /^\d+$/.test(endpoint.name)) return;
    if (!endpoints.some((e) => e.technology === endpoint.technology && e.name === endpoint.name))
      endpoints.push(endpoint);
  };
  for (const list of LISTS) {
    try {
      const { events } = await ami.listAction({ Action: list.action }, { timeoutMs });
      for (const event of events.filter((e: AmiMessage) => e.Event === list.event)) {
        const name = amiField(event, list.field);
        if (name) add({ technology: list.technology, name });
      }
    } catch (error) {
      gaps.push(gapOf(list.action, error));
    }
  }
  let empty = 0;
  for (let n = 1; n <= FREEPBX_TRUNKS_MAX && empty < FREEPBX_EMPTY_RUN; n++) {
    const value = await ami
      .action({ Action: 'Getvar', Variable: `OUT_${n}` }, { timeoutMs })
      .then((response) => amiField(response, 'Value') ?? '')
      .catch((error: unknown) => {
        if (n === 1) gaps.push(gapOf('Getvar', error));
        return null;
      });
    if (value === null) break;
    empty = value === '' ? empty + 1 : 0;
    if (value !== '') add(readFreepbxTrunk(value));
  }
  return { pbx: ami.name, endpoints, gaps };
}

function gapOf(action: string, error: unknown): DiscoveryGap {
  const message = error instanceof AmiActionError ? (amiField(error.response, 'Message') ?? '') : String(error);
  if (message === 'Permission denied') return { action, reason: 'denied' };
  if (message.startsWith('Invalid/unknown command')) return { action, reason: 'absent' };
  return { action, reason: 'failed', message: message.slice(0, 200) };
}
