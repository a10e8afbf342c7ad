import type { Db } from '../../db/client';
import { callPortalRest } from '../rest/call-portal-rest';
import { getPortalClient } from '../rest/get-portal-client';

export type FindCallbackManagerOptions = {
  db: Db;
  portalId: number;
  /** The number the visitor left in the CRM form. */
  phoneNumber: string;
  /** The CRM entity the form created or found (CRM_ENTITY_TYPE / CRM_ENTITY_ID of the event). */
  crmEntityType: string;
  crmEntityId: string;
};

type CrmEntity = { CRM_ENTITY_TYPE?: string; CRM_ENTITY_ID?: number | string; ASSIGNED_BY_ID?: number | string };

/**
 * Who calls a CRM-form visitor back. The event carries no user (a site visitor is behind it), so it is the person
 * responsible for the client in the CRM, as telephony.externalCall.searchCrmEntities names them: the entity the form
 * named, else the first the number belongs to. Without one, the portal's admin known to the app (the lowest user id
 * marked admin in the user cache); null when there is nobody to ring.
 */
export async function findCallbackManager(options: FindCallbackManagerOptions): Promise<number | null> {
  const { db, portalId, phoneNumber, crmEntityType, crmEntityId } = options;
  const client = await getPortalClient({ portalId, db });
  const answer = await callPortalRest(client, 'telephony.externalCall.searchCrmEntities', {
    PHONE_NUMBER: phoneNumber,
  });
  const entities = answer.ok && Array.isArray(answer.result) ? (answer.result as CrmEntity[]) : [];
  const named = entities.find(
    (entity) => entity.CRM_ENTITY_TYPE === crmEntityType && String(entity.CRM_ENTITY_ID) === crmEntityId,
  );
  const owner = Number((named ?? entities[0])?.ASSIGNED_BY_ID);
  if (Number.isInteger(owner) && owner > 0) return owner;
  const admin = await db.user.findFirst({
    where: { portalId, isAdmin: true, active: true },
    orderBy: { b24UserId: 'asc' },
    select: { b24UserId: true },
  });
  return admin?.b24UserId ?? null;
}
