/** event.bind/unbind/get and placement.bind/unbind/get/list. */
import { RestError, restErrors } from '../rest-error';
import type { MethodTable } from '../method-context';
import { intParam, objectParam, param, phpObject, stringParam } from '../method-context';

export const KNOWN_EVENTS = [
  'ONEXTERNALCALLSTART',
  'ONEXTERNALCALLBACKSTART',
  'ONAPPINSTALL',
  'ONAPPUNINSTALL',
  'ONAPPUPDATE',
  'ONAPPTEST',
  'ONUSERADD',
  'ONUSERUPDATE',
  'ONOFFLINEEVENT',
  'ONCRMCONTACTADD',
  'ONCRMLEADADD',
];

export const KNOWN_PLACEMENTS = [
  'CALL_CARD',
  'TELEPHONY_ANALYTICS_MENU',
  'USER_PROFILE_MENU',
  'USER_PROFILE_TOOLBAR',
  'PAGE_BACKGROUND_WORKER',
  'LEFT_MENU',
  'REST_APP_URI',
  'CRM_CONTACT_DETAIL_TAB',
  'CRM_LEAD_DETAIL_TAB',
];

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const bindingMethods: MethodTable = {
  'event.bind': {
    scope: 'app',
    handler: ({ portal, user, params }) => {
      const event = stringParam(params, 'event').toUpperCase();
      const handler = stringParam(params, 'handler');
      const offline = stringParam(params, 'event_type').toLowerCase() === 'offline';
      const authType = intParam(params, 'auth_type', offline ? 0 : user.ID);
      if (!KNOWN_EVENTS.includes(event)) throw new RestError('ERROR_EVENT_NOT_FOUND', 'Event not found', 400);
      // Non-admins may only bind online events for themselves.
      if (user.ADMIN !== true && (offline || authType !== user.ID)) throw restErrors.accessDenied();
      if (!offline && !isHttpUrl(handler)) throw new RestError('ERROR_HANDLER_URL_MISMATCH', 'Wrong handler URL', 400);
      const duplicate = portal.events.some(
        (item) => item.event === event && item.handler === handler && item.auth_type === authType,
      );
      if (duplicate) throw restErrors.core('Unable to set event handler: Handler already binded');
      portal.events.push({ event, handler: offline ? '' : handler, auth_type: authType, offline: offline ? 1 : 0 });
      return { result: true };
    },
  },
  'event.unbind': {
    scope: 'app',
    handler: ({ portal, params }) => {
      const event = stringParam(params, 'event').toUpperCase();
      const handler = stringParam(params, 'handler');
      const authType = param(params, 'auth_type');
      const before = portal.events.length;
      portal.events = portal.events.filter(
        (item) =>
          !(
            item.event === event &&
            (handler === '' || item.handler === handler) &&
            (authType === undefined || String(item.auth_type) === String(authType))
          ),
      );
      return { result: { count: before - portal.events.length } };
    },
  },
  // event-get.md: auth_type is a string ("0", "15"), offline a number.
  'event.get': {
    scope: 'app',
    handler: ({ portal }) => ({
      result: portal.events.map((item) => ({ ...item, auth_type: String(item.auth_type) })),
    }),
  },
  'placement.list': { scope: 'placement', handler: () => ({ result: KNOWN_PLACEMENTS }) },
  'placement.bind': {
    scope: 'placement',
    handler: ({ portal, user, params }) => {
      if (user.ADMIN !== true) throw restErrors.accessDenied();
      const placement = stringParam(params, 'PLACEMENT').toUpperCase();
      const handler = stringParam(params, 'HANDLER');
      // placement-bind.md's error sample for a missing argument.
      for (const [name, value] of [
        ['PLACEMENT', placement],
        ['HANDLER', handler],
      ]) {
        if (!value)
          throw new RestError('ERROR_ARGUMENT', `Argument '${name}' is null or empty`, 400, { argument: name });
      }
      if (!KNOWN_PLACEMENTS.includes(placement)) {
        throw new RestError('ERROR_PLACEMENT_NOT_FOUND', 'Placement not found', 400);
      }
      if (!isHttpUrl(handler)) throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL', 400);
      if (portal.placements.some((item) => item.placement === placement && item.handler === handler)) {
        throw restErrors.core('Unable to set placement handler: Handler already binded');
      }
      portal.placements.push({
        placement,
        handler,
        title: stringParam(params, 'TITLE'),
        description: stringParam(params, 'DESCRIPTION'),
        groupName: stringParam(params, 'GROUP_NAME'),
        userId: intParam(params, 'USER_ID', 0),
        options: objectParam(params, 'OPTIONS'),
        // Without LANG_ALL the portal files the titles under its own language (placement-get.md's rows).
        langAll: Object.keys(objectParam(params, 'LANG_ALL')).length
          ? objectParam(params, 'LANG_ALL')
          : {
              [portal.lang]: {
                TITLE: stringParam(params, 'TITLE'),
                DESCRIPTION: stringParam(params, 'DESCRIPTION'),
                GROUP_NAME: stringParam(params, 'GROUP_NAME'),
              },
            },
      });
      return { result: true };
    },
  },
  'placement.unbind': {
    scope: 'placement',
    handler: ({ portal, user, params }) => {
      if (user.ADMIN !== true) throw restErrors.accessDenied();
      const placement = stringParam(params, 'PLACEMENT').toUpperCase();
      const handler = stringParam(params, 'HANDLER');
      const before = portal.placements.length;
      portal.placements = portal.placements.filter(
        (item) => !(item.placement === placement && (handler === '' || item.handler === handler)),
      );
      return { result: { count: before - portal.placements.length } };
    },
  },
  'placement.get': {
    scope: 'placement',
    handler: ({ portal, user }) => {
      if (user.ADMIN !== true) throw restErrors.accessDenied();
      // placement-get.md's row: no group name, and empty options as PHP's `[]`.
      return {
        result: portal.placements.map(({ groupName: _groupName, options, ...item }) => ({
          ...item,
          options: phpObject(options),
        })),
      };
    },
  },
};
