/** telephony.externalCall.register: validation, de-duplication, CRM stub (telephony-external-call-register.md). */
import { randomHex } from '../emulator-state';
import { restErrors } from '../rest-error';
import type { MethodContext, MethodResult } from '../method-context';
import { flagParam, intParam, stringParam } from '../method-context';
import type { CrmEntitySeed, ExternalCall, Portal, UserSeed } from '../types';
import { addLine } from './line-methods';

const DEDUP_WINDOW_MS = 30 * 60 * 1000;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Phone numbers compare by their last 10 digits, enough to match +7/8 prefixes of Russian numbers. */
export function samePhone(left: string, right: string): boolean {
  const a = left.replace(/\D/g, '').slice(-10);
  const b = right.replace(/\D/g, '').slice(-10);
  return a.length > 0 && a === b;
}

/** USER_ID or USER_PHONE_INNER (resolved among active users), as register and finish both need. */
export function resolveCallUser(portal: Portal, params: Record<string, unknown>): UserSeed {
  const userId = intParam(params, 'USER_ID', 0);
  const inner = stringParam(params, 'USER_PHONE_INNER');
  if (!userId && !inner) throw restErrors.core('USER_ID or USER_PHONE_INNER should be set');
  const user = userId
    ? portal.users.find((item) => item.ID === userId)
    : portal.users.find((item) => item.UF_PHONE_INNER === inner);
  if (!user || user.ACTIVE === false) throw restErrors.core('User is not found or is not active');
  return user;
}

function findOrCreateCrm(
  portal: Portal,
  phone: string,
  mayCreateLead: boolean,
  assignee: number,
): { entity?: CrmEntitySeed; createdLead?: CrmEntitySeed } {
  const entity = portal.crm.find((item) => samePhone(item.PHONE, phone));
  if (entity || !mayCreateLead) return { entity };
  const createdLead: CrmEntitySeed = {
    CRM_ENTITY_TYPE: 'LEAD',
    CRM_ENTITY_ID: portal.nextId++,
    NAME: `Lead ${phone}`,
    PHONE: phone,
    ASSIGNED_BY_ID: assignee,
  };
  portal.crm.push(createdLead);
  return { entity: createdLead, createdLead };
}

export function registerExternalCall({ portal, params }: MethodContext): MethodResult {
  const user = resolveCallUser(portal, params);
  const phone = stringParam(params, 'PHONE_NUMBER')
    .replace(/[a-zA-Z]/g, '')
    .trim();
  if (!phone) throw restErrors.core('Unsupported phone number format');
  const type = intParam(params, 'TYPE', 0);
  if (![1, 2, 3, 4, 5].includes(type)) throw restErrors.core('Unknown TYPE');
  const startDate = stringParam(params, 'CALL_START_DATE') || new Date().toISOString();
  if (!ISO_8601.test(startDate)) throw restErrors.core('CALL_START_DATE should be in the ISO-8601 format');
  const lineNumber = stringParam(params, 'LINE_NUMBER');
  const externalId = stringParam(params, 'EXTERNAL_CALL_ID');
  // An unknown LINE_NUMBER silently creates a line for the app, as the core does.
  let line = portal.lines.find((item) => item.NUMBER === lineNumber);
  if (lineNumber && !line) line = addLine(portal, lineNumber, lineNumber, 'Y');

  const now = Date.now();
  const duplicate = portal.calls.find(
    (call) =>
      !call.statistic &&
      now - call.registeredAt < DEDUP_WINDOW_MS &&
      call.USER_ID === user.ID &&
      call.PHONE_NUMBER === phone &&
      call.TYPE === type &&
      call.LINE_NUMBER === lineNumber &&
      (!externalId || call.EXTERNAL_CALL_ID === externalId),
  );
  if (duplicate) return { result: describeRegistration(duplicate, undefined) };

  const internal = portal.users.some((item) => item.UF_PHONE_INNER && item.UF_PHONE_INNER === phone);
  const forcedType = stringParam(params, 'CRM_ENTITY_TYPE');
  const forcedId = intParam(params, 'CRM_ENTITY_ID', 0);
  const autoCreate = type === 1 && line?.CRM_AUTO_CREATE === 'Y';
  const mayCreateLead = flagParam(params, 'CRM_CREATE', false) || flagParam(params, 'CRM', false) || autoCreate;
  const crm = internal || (forcedType && forcedId) ? {} : findOrCreateCrm(portal, phone, mayCreateLead, user.ID);

  const call: ExternalCall = {
    CALL_ID: `externalCall.${randomHex(16)}.${Math.floor(now / 1000)}`,
    USER_ID: user.ID,
    PHONE_NUMBER: phone,
    TYPE: type,
    LINE_NUMBER: lineNumber,
    EXTERNAL_CALL_ID: externalId,
    CALL_START_DATE: startDate,
    CRM_ENTITY_TYPE: forcedType && forcedId ? forcedType : (crm.entity?.CRM_ENTITY_TYPE ?? null),
    CRM_ENTITY_ID: forcedType && forcedId ? forcedId : (crm.entity?.CRM_ENTITY_ID ?? null),
    registeredAt: now,
    shownTo: flagParam(params, 'SHOW', true) ? [user.ID] : [],
  };
  portal.calls.push(call);
  return { result: describeRegistration(call, crm.createdLead) };
}

function describeRegistration(call: ExternalCall, createdLead: CrmEntitySeed | undefined): Record<string, unknown> {
  return {
    CALL_ID: call.CALL_ID,
    CRM_CREATED_LEAD: createdLead ? createdLead.CRM_ENTITY_ID : null,
    CRM_CREATED_ENTITIES: createdLead ? [{ ENTITY_TYPE: 'LEAD', ENTITY_ID: createdLead.CRM_ENTITY_ID }] : [],
    CRM_ENTITY_TYPE: call.CRM_ENTITY_TYPE,
    CRM_ENTITY_ID: call.CRM_ENTITY_ID,
  };
}
