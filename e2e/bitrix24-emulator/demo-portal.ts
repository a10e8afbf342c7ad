/** A small portal for the CLI and the browser tests: an admin, two operators, departments, one CRM contact. */
import type { PortalSeed } from './types';

export function createDemoPortal(memberId = 'demo-member-0001'): PortalSeed {
  return {
    memberId,
    users: [
      { ID: 1, NAME: 'Анна', LAST_NAME: 'Админова', ADMIN: true, UF_PHONE_INNER: '100', UF_DEPARTMENT: [1] },
      { ID: 2, NAME: 'Борис', LAST_NAME: 'Операторов', UF_PHONE_INNER: '101', UF_DEPARTMENT: [2] },
      { ID: 3, NAME: 'Вера', LAST_NAME: 'Продажина', UF_PHONE_INNER: '102', UF_DEPARTMENT: [2] },
    ],
    departments: [
      { ID: 1, NAME: 'Компания', SORT: 100, UF_HEAD: 1 },
      { ID: 2, NAME: 'Отдел продаж', SORT: 200, PARENT: 1, UF_HEAD: 3 },
    ],
    crm: [
      {
        CRM_ENTITY_TYPE: 'CONTACT',
        CRM_ENTITY_ID: 501,
        NAME: 'Иван Клиентов',
        PHONE: '+79161234567',
        ASSIGNED_BY_ID: 2,
      },
    ],
  };
}
