import type { Db } from '../../db/client';
import { callPortalRest } from '../rest/call-portal-rest';
import { getPortalClient } from '../rest/get-portal-client';
import { chooseCallbackManager, type CallbackManagerChoice } from './choose-callback-manager';

export type FindCallbackManagerOptions = {
  db: Db;
  portalId: number;
  /** The number the visitor left in the CRM form. */
  phoneNumber: string;
  /** The CRM entity the form created or found (CRM_ENTITY_TYPE / CRM_ENTITY_ID of the event). */
  crmEntityType: string;
  crmEntityId: string;
  /** LINE_NUMBER of the event; empty = the portal's default line. */
  lineNumber: string;
};

type CrmEntity = { CRM_ENTITY_TYPE?: string; CRM_ENTITY_ID?: number | string; ASSIGNED_BY_ID?: number | string };

/**
 * Who calls a CRM-form visitor back. The event carries no user (a site visitor is behind it), so it is the person
 * responsible for the client in the CRM, as telephony.externalCall.searchCrmEntities names them: the entity the form
 * named, else the first the number belongs to. Without one, the default callback user the admin set on the line
 * (chooseCallbackManager), then the portal's admin known to the app; null when there is nobody to ring.
 */
export async function findCallbackManager(options: FindCallbackManagerOptions): Promise<CallbackManagerChoice> {
  const { db, portalId, phoneNumber, crmEntityType, crmEntityId, lineNumber } = options;
  const client = await getPortalClient({ portalId, db });
  const answer = await callPortalRest(client, 'telephony.externalCall.searchCrmEntities', {
    PHONE_NUMBER: phoneNumber,
  });
  const entities = answer.ok && Array.isArray(answer.result) ? (answer.result as CrmEntity[]) : [];
  const named = entities.find(
    (entity) => entity.CRM_ENTITY_TYPE === crmEntityType && String(entity.CRM_ENTITY_ID) === crmEntityId,
  );
  const [line, admin] = await Promise.all([
    lineNumber
      ? db.trunk.findUnique({ where: { portalId_lineNumber: { portalId, lineNumber } } })
      : db.portalSettings
          .findUnique({ where: { portalId } })
          .then((settings) =>
            settings?.defaultTrunkId ? db.trunk.findUnique({ where: { id: settings.defaultTrunkId } }) : null,
          ),
    db.user.findFirst({
      where: { portalId, isAdmin: true, active: true },
      orderBy: { b24UserId: 'asc' },
      select: { b24UserId: true },
    }),
  ]);
  return chooseCallbackManager({
    crmOwner: (named ?? entities[0])?.ASSIGNED_BY_ID ?? null,
    lineDefault: line?.callbackB24UserId ?? null,
    admin: admin?.b24UserId ?? null,
  });
}
