import { createDelegableLoad } from '../../cache/create-delegable-load';
import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { callPortalRest } from '../rest/call-portal-rest';
import { getPortalClient } from '../rest/get-portal-client';

export type ClientManagerKey = { portalId: number; number: string };

type CrmEntity = { ASSIGNED_BY_ID?: number | string };

/**
 * The desk-phone extension of the person responsible for a caller in the CRM (searchCrmEntities → the first entity's
 * ASSIGNED_BY_ID → that active user's UF_PHONE_INNER from the user cache), or null: no CRM record, nobody
 * responsible, no extension, or a portal without Bitrix24 (the embedded one). A failing Bitrix24 is an error, so the
 * cache keeps what it knew.
 */
export async function findClientManagerExtension(
  db: Db,
  { portalId, number }: ClientManagerKey,
): Promise<string | null> {
  const portal = await db.portal.findUnique({ where: { id: portalId }, select: { status: true } });
  if (portal?.status !== 'active') return null;
  const client = await getPortalClient({ portalId, db });
  const answer = await callPortalRest(client, 'telephony.externalCall.searchCrmEntities', { PHONE_NUMBER: number });
  if (!answer.ok) throw new AppError('UNAVAILABLE', `Bitrix24 could not be asked who owns the caller: ${answer.code}`);
  const entities = Array.isArray(answer.result) ? (answer.result as CrmEntity[]) : [];
  const owner = Number(entities[0]?.ASSIGNED_BY_ID);
  if (!Number.isInteger(owner) || owner <= 0) return null;
  const user = await db.user.findFirst({
    where: { portalId, b24UserId: owner, active: true },
    select: { extension: true },
  });
  return user?.extension && /^\d{1,10}$/.test(user.extension) ? user.extension : null;
}

/** In the dialplan process this runs in the app (see lib/dialplan/loads-run-in-app.ts). */
export const loadClientManagerExtension = createDelegableLoad(findClientManagerExtension);
