import { getAmiManagers } from '../get-ami-managers';
import { discoverTrunks } from './discover-trunks';
import type { DiscoveredTrunks } from './types';

/** Every configured PBX's trunks over the app's own sessions; a PBX not connected now is one gap, not an error. */
export async function discoverConnectedTrunks(): Promise<DiscoveredTrunks[]> {
  const found: DiscoveredTrunks[] = [];
  for (const manager of getAmiManagers().values()) {
    const status = manager.status();
    if (!status.connected)
      found.push({
        pbx: manager.name,
        endpoints: [],
        gaps: [{ action: 'Login', reason: 'failed', message: status.lastError ?? 'not connected' }],
      });
    else found.push(await discoverTrunks({ ami: manager }));
  }
  return found;
}
