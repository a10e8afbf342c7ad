/**
 * voximplant.line.get, voximplant.line.outgoing.get/set (api-reference/telephony/voximplant/lines/*.md): the portal's
 * default line for outgoing calls, which decides the app ONEXTERNALCALLSTART goes to. Only users with the "manage
 * numbers" right call them — the emulator's admins.
 */
import { isPortalLine, PORTAL_LINES } from '../default-line';
import type { MethodTable } from '../method-context';
import { stringParam } from '../method-context';
import { restErrors } from '../rest-error';

export const voximplantLineMethods: MethodTable = {
  'voximplant.line.get': {
    scope: 'telephony',
    handler: ({ user }) => {
      if (user.ADMIN !== true) throw restErrors.accessDenied();
      return { result: { ...PORTAL_LINES } };
    },
  },
  'voximplant.line.outgoing.get': {
    scope: 'telephony',
    handler: ({ user, portal }) => {
      if (user.ADMIN !== true) throw restErrors.accessDenied();
      return { result: portal.defaultLine };
    },
  },
  'voximplant.line.outgoing.set': {
    scope: 'telephony',
    // voximplant-line-outgoing-set.md: `1` whatever LINE_ID was; the setting changes only for a line the portal lists.
    handler: ({ user, portal, params }) => {
      if (user.ADMIN !== true) throw restErrors.accessDenied();
      const line = stringParam(params, 'LINE_ID');
      if (isPortalLine(line)) portal.defaultLine = line;
      return { result: 1 };
    },
  },
};
