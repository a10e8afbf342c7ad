/**
 * telephony.externalCall.* (api-reference/telephony/telephony-external-call-*.md). `finish` deletes the live call, so
 * a second finish fails.
 */
import { RestError, restErrors } from '../rest-error';
import type { MethodTable } from '../method-context';
import { intParam, param, stringParam } from '../method-context';
import type { ExternalCall, Portal } from '../types';
import { registerExternalCall, resolveCallUser, samePhone } from './register-external-call';

function liveCall(portal: Portal, callId: string): ExternalCall | undefined {
  return portal.calls.find((call) => call.CALL_ID === callId && !call.statistic);
}

function userIds(value: unknown, fallback: number): number[] {
  if (value === undefined || value === null || value === '') return [fallback];
  const list = Array.isArray(value) ? value : typeof value === 'object' ? Object.values(value) : [value];
  return list.map((item) => Number(item)).filter((item) => Number.isFinite(item));
}

function defaultStatusCode(duration: number): string {
  return duration > 0 ? '200' : '304';
}

export const callMethods: MethodTable = {
  'telephony.externalcall.register': { scope: 'telephony', handler: registerExternalCall },
  'telephony.externalcall.finish': {
    scope: 'telephony',
    handler: ({ portal, params, state }) => {
      const rawCallId = param(params, 'CALL_ID');
      if (typeof rawCallId !== 'string') throw new RestError('INVALID_ARGUMENT', 'CALL_ID must be a string', 400);
      const user = resolveCallUser(portal, params);
      const call = liveCall(portal, rawCallId);
      if (!call) throw restErrors.core('Call is not found (call should be registered prior to finishing');
      const duration = intParam(params, 'DURATION', 0);
      const statusCode = stringParam(params, 'STATUS_CODE') || defaultStatusCode(duration);
      const cost = Number.parseFloat(stringParam(params, 'COST')) || 0;
      const rawVote = Number.parseInt(stringParam(params, 'VOTE'), 10);
      const vote = Number.isFinite(rawVote) ? rawVote : undefined;
      call.shownTo = call.shownTo.filter((id) => id !== user.ID);
      // Types as telephony-external-call-finish.md answers: numbers for ids, duration, cost and vote.
      call.statistic = {
        CALL_ID: call.CALL_ID,
        EXTERNAL_CALL_ID: call.EXTERNAL_CALL_ID || null,
        PORTAL_USER_ID: user.ID,
        PHONE_NUMBER: call.PHONE_NUMBER,
        PORTAL_NUMBER: call.LINE_NUMBER || `REST_APP:${state.clientId}`,
        INCOMING: String(call.TYPE),
        CALL_DURATION: duration,
        // A PHP DateTime: the portal serialises it as an empty object.
        CALL_START_DATE: {},
        CALL_STATUS: duration > 0 ? 1 : 0,
        CALL_VOTE: vote === undefined ? null : vote,
        COST: cost,
        COST_CURRENCY: stringParam(params, 'COST_CURRENCY'),
        CALL_FAILED_CODE: statusCode,
        CALL_FAILED_REASON: stringParam(params, 'FAILED_REASON'),
        REST_APP_ID: '1',
        REST_APP_NAME: state.clientId,
        CRM_ACTIVITY_ID: call.CRM_ENTITY_ID ? portal.nextId++ : null,
        COMMENT: null,
        CRM_ENTITY_TYPE: call.CRM_ENTITY_TYPE,
        CRM_ENTITY_ID: call.CRM_ENTITY_ID,
        ID: portal.nextId++,
      };
      return { result: call.statistic };
    },
  },
  'telephony.externalcall.show': {
    scope: 'telephony',
    handler: ({ portal, params }) => {
      const call = liveCall(portal, stringParam(params, 'CALL_ID'));
      if (!call) return { result: false };
      for (const id of userIds(param(params, 'USER_ID'), call.USER_ID)) {
        if (!call.shownTo.includes(id)) call.shownTo.push(id);
      }
      return { result: true };
    },
  },
  'telephony.externalcall.hide': {
    scope: 'telephony',
    handler: ({ portal, params }) => {
      const call = liveCall(portal, stringParam(params, 'CALL_ID'));
      if (!call) return { result: false };
      const hidden = userIds(param(params, 'USER_ID'), call.USER_ID);
      call.shownTo = call.shownTo.filter((id) => !hidden.includes(id));
      return { result: true };
    },
  },
  'telephony.externalcall.attachrecord': {
    scope: 'telephony',
    handler: ({ portal, params, state }) => {
      const callId = stringParam(params, 'CALL_ID');
      const call = portal.calls.find((item) => item.CALL_ID === callId && item.statistic);
      if (!call) throw restErrors.core('Call is not found in the statistic table. Looks like it is not finished yet.');
      const url = stringParam(params, 'RECORD_URL');
      const fileName = stringParam(params, 'FILENAME') || (url ? new URL(url).pathname.split('/').pop() : '') || '';
      if (!/\.(wav|mp3)$/i.test(fileName)) throw restErrors.core('Wrong file extension. Only wav and mp3 are allowed');
      const content = stringParam(params, 'FILE_CONTENT');
      if (!url && !content) {
        return {
          result: { uploadUrl: `${state.url}/upload/record?CALL_ID=${encodeURIComponent(callId)}`, fieldName: 'file' },
        };
      }
      call.record = { url: url || undefined, fileName, fileId: portal.nextId++ };
      return { result: { FILE_ID: call.record.fileId } };
    },
  },
  'telephony.externalcall.searchcrmentities': {
    scope: 'telephony',
    handler: ({ portal, params }) => {
      const phone = stringParam(params, 'PHONE_NUMBER');
      if (!phone) throw restErrors.core('PHONE_NUMBER is empty');
      const result = portal.crm
        .filter((item) => samePhone(item.PHONE, phone))
        .map((item) => {
          const owner = portal.users.find((user) => user.ID === item.ASSIGNED_BY_ID);
          return {
            CRM_ENTITY_TYPE: item.CRM_ENTITY_TYPE,
            CRM_ENTITY_ID: item.CRM_ENTITY_ID,
            ASSIGNED_BY_ID: item.ASSIGNED_BY_ID,
            NAME: item.NAME,
            ASSIGNED_BY: {
              ID: String(item.ASSIGNED_BY_ID),
              TIMEMAN_STATUS: 'opened',
              USER_PHONE_INNER: owner?.UF_PHONE_INNER ?? '',
              WORK_PHONE: owner?.WORK_PHONE ?? '',
              PERSONAL_PHONE: '',
              PERSONAL_MOBILE: owner?.PERSONAL_MOBILE ?? '',
            },
          };
        });
      return { result };
    },
  },
};
