/** user.*, department.get, profile, app.info, app.option.*, user.option.*. */
import { APP_ID } from '../default-line';
import { RestError, restErrors } from '../rest-error';
import type { MethodTable } from '../method-context';
import { objectParam, paginate, param, phpObject, stringParam } from '../method-context';
import type { Portal, UserSeed } from '../types';
import { matchFilter, sortRows } from './match-filter';

/**
 * The row user.get and user.current return (user-get.md's sample): IDs as strings, UF_DEPARTMENT as numbers, dates
 * the portal has no value for as PHP's empty DateTime `{}`, no admin flag. UF_PHONE_INNER only when it is set.
 */
export function presentUser(user: UserSeed): Record<string, unknown> {
  return {
    ID: String(user.ID),
    ACTIVE: user.ACTIVE !== false,
    NAME: user.NAME,
    LAST_NAME: user.LAST_NAME ?? '',
    SECOND_NAME: '',
    EMAIL: user.EMAIL ?? '',
    LAST_LOGIN: '2026-01-15T09:00:00+03:00',
    DATE_REGISTER: '2025-01-15T00:00:00+03:00',
    TIME_ZONE: '',
    IS_ONLINE: 'N',
    TIMESTAMP_X: {},
    LAST_ACTIVITY_DATE: {},
    PERSONAL_GENDER: '',
    PERSONAL_WWW: '',
    PERSONAL_BIRTHDAY: '',
    PERSONAL_MOBILE: user.PERSONAL_MOBILE ?? '',
    PERSONAL_CITY: '',
    WORK_PHONE: user.WORK_PHONE ?? '',
    WORK_POSITION: '',
    UF_EMPLOYMENT_DATE: '',
    UF_DEPARTMENT: user.UF_DEPARTMENT ?? [],
    ...(user.UF_PHONE_INNER ? { UF_PHONE_INNER: user.UF_PHONE_INNER } : {}),
    USER_TYPE: 'employee',
  };
}

function userFilter(params: Record<string, unknown>): Record<string, unknown> {
  // Docs call it FILTER, examples use filter; older clients put filter keys at the top level.
  const nested = objectParam(params, 'filter');
  if (Object.keys(nested).length > 0) return nested;
  const reserved = new Set(['sort', 'order', 'start', 'admin_mode', 'select', 'image_resize', 'auth']);
  return Object.fromEntries(Object.entries(params).filter(([key]) => !reserved.has(key.toLowerCase())));
}

function appOptionValue(portal: Portal, name: string): unknown {
  return name in portal.appOptions ? portal.appOptions[name] : null;
}

export const userMethods: MethodTable = {
  'user.current': { scope: 'user_brief', handler: ({ user }) => ({ result: presentUser(user) }) },
  'user.admin': { scope: 'user_brief', handler: ({ user }) => ({ result: user.ADMIN === true }) },
  profile: {
    scope: 'user_brief',
    handler: ({ user }) => ({
      result: {
        ID: String(user.ID),
        ADMIN: user.ADMIN === true,
        NAME: user.NAME,
        LAST_NAME: user.LAST_NAME ?? '',
        PERSONAL_GENDER: '',
        TIME_ZONE: '',
        TIME_ZONE_OFFSET: 10800,
      },
    }),
  },
  'user.get': {
    scope: 'user_brief',
    handler: ({ portal, params }) => {
      const rows = portal.users.map(presentUser).filter((row) => matchFilter(row, userFilter(params)));
      const sorted = sortRows(rows, stringParam(params, 'sort') || 'ID', stringParam(params, 'order') || 'ASC');
      return paginate(sorted, params);
    },
  },
  'department.get': {
    scope: 'department',
    handler: ({ portal, params }) => {
      const filter = Object.fromEntries(
        Object.entries(params).filter(([key]) => /^[!@<>=%]*(ID|NAME|SORT|PARENT|UF_HEAD)$/i.test(key)),
      );
      const rows = portal.departments
        .map((item) => ({
          ID: String(item.ID),
          NAME: item.NAME,
          SORT: item.SORT ?? 500,
          ...(item.PARENT === undefined ? {} : { PARENT: String(item.PARENT) }),
          ...(item.UF_HEAD === undefined ? {} : { UF_HEAD: String(item.UF_HEAD) }),
        }))
        .filter((row) => matchFilter(row, filter));
      return paginate(sortRows(rows, stringParam(params, 'sort') || 'SORT', stringParam(params, 'order') || 'ASC'), {
        start: param(params, 'START') ?? param(params, 'start'),
      });
    },
  },
  'app.info': {
    scope: 'app',
    handler: ({ portal, state }) => ({
      result: {
        ID: APP_ID,
        CODE: state.clientId,
        VERSION: 1,
        STATUS: portal.status,
        INSTALLED: portal.installed,
        PAYMENT_EXPIRED: 'N',
        DAYS: null,
        LANGUAGE_ID: portal.lang,
        LICENSE: `${portal.lang}_project`,
        LICENSE_TYPE: 'project',
        LICENSE_FAMILY: 'project',
      },
    }),
  },
  'app.option.get': {
    scope: 'app',
    handler: ({ portal, params }) => {
      const name = stringParam(params, 'option');
      return { result: name ? appOptionValue(portal, name) : phpObject(portal.appOptions) };
    },
  },
  'app.option.set': {
    scope: 'app',
    handler: ({ portal, user, params }) => {
      if (user.ADMIN !== true) throw restErrors.accessDenied();
      const options = objectParam(params, 'options');
      if (Object.keys(options).length === 0) throw new RestError('ERROR_ARGUMENT', 'Wrong arguments', 400);
      Object.assign(portal.appOptions, options);
      return { result: true };
    },
  },
  'user.option.get': {
    scope: 'app',
    handler: ({ portal, user, params }) => {
      const options = portal.userOptions.get(user.ID) ?? {};
      const name = stringParam(params, 'option');
      return { result: name ? (options[name] ?? null) : phpObject(options) };
    },
  },
  'user.option.set': {
    scope: 'app',
    handler: ({ portal, user, params }) => {
      const options = objectParam(params, 'options');
      portal.userOptions.set(user.ID, { ...(portal.userOptions.get(user.ID) ?? {}), ...options });
      return { result: true };
    },
  },
};
