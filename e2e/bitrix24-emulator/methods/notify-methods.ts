/** im.notify.system.add (im-notify-system-add.md): system notifications the app sends to a portal's users. */
import { RestError } from '../rest-error';
import type { MethodTable } from '../method-context';
import { intParam, stringParam } from '../method-context';

export const notifyMethods: MethodTable = {
  'im.notify.system.add': {
    scope: 'im',
    handler: ({ portal, params }) => {
      const userId = intParam(params, 'USER_ID', 0);
      if (userId <= 0) throw new RestError('USER_ID_EMPTY', "User ID can't be empty");
      const message = stringParam(params, 'MESSAGE').trim();
      if (!message) throw new RestError('MESSAGE_EMPTY', "Message can't be empty");
      const tag = stringParam(params, 'TAG');
      // "При добавлении уведомления с существующим тегом другие уведомления будут удалены."
      if (tag) portal.notifications = portal.notifications.filter((item) => item.TAG !== tag);
      const ID = portal.nextId++;
      portal.notifications.push({
        ID,
        USER_ID: userId,
        MESSAGE: message,
        MESSAGE_OUT: stringParam(params, 'MESSAGE_OUT'),
        TAG: tag,
        SUB_TAG: stringParam(params, 'SUB_TAG'),
      });
      return { result: ID };
    },
  },
};
