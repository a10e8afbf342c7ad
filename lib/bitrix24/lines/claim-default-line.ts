import type { Db } from '../../db/client';
import { callPortalRest } from '../rest/call-portal-rest';
import { getPortalClient } from '../rest/get-portal-client';
import { checkDefaultLine, type DefaultLineCheck } from './check-default-line';

export type ClaimDefaultLineOptions = { db: Db; portalId: number };

/**
 * Asks Bitrix24 to make our line the default for outgoing calls (voximplant.line.outgoing.set), then reads it back:
 * the method answers `1` even for a line it does not take (voximplant-line-outgoing-set.md), and the docs list only
 * rented and SIP lines as settable. When it did not change, the admin chooses the app in the telephony settings.
 */
export async function claimDefaultLine({ db, portalId }: ClaimDefaultLineOptions): Promise<DefaultLineCheck> {
  const before = await checkDefaultLine({ db, portalId });
  if (before.state === 'ours' || !before.ourLine) return before;
  const client = await getPortalClient({ portalId, db });
  await callPortalRest(client, 'voximplant.line.outgoing.set', { LINE_ID: before.ourLine });
  return checkDefaultLine({ db, portalId });
}
