import type { Db } from '../../db/client';
import { getPortalClient } from '../rest/get-portal-client';
import { readAllPages } from './read-all-pages';

export type SyncPortalDirectoryOptions = { db: Db; portalId: number };

export type SyncPortalDirectoryResult = { departments: number; users: number; complete: boolean };

/** The most a portal is read: the routing settings' department limit, and users to match. */
const MAX_DEPARTMENTS = 2000;
const MAX_USERS = 10_000;
const MAX_NAME = 200;

type B24Department = { ID?: unknown; NAME?: unknown; PARENT?: unknown };
type B24User = { ID?: unknown; NAME?: unknown; LAST_NAME?: unknown; UF_PHONE_INNER?: unknown; UF_DEPARTMENT?: unknown };

const id = (value: unknown): number | null => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
};
const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.trim().slice(0, max) : '');

/**
 * The portal's real structure for the admin's pickers (whitelists, Sales/HR profiles): departments from
 * department.get, active users with their UF_DEPARTMENT and UF_PHONE_INNER from user.get, into the local cache.
 * Departments and users Bitrix24 no longer lists are dropped / marked inactive — only when both lists were read
 * whole, so a partial read never loses anything.
 */
export async function syncPortalDirectory({
  db,
  portalId,
}: SyncPortalDirectoryOptions): Promise<SyncPortalDirectoryResult> {
  const client = await getPortalClient({ portalId, db });
  const departments = await readAllPages({ client, method: 'department.get', params: {}, maxRows: MAX_DEPARTMENTS });
  const users = await readAllPages({
    client,
    method: 'user.get',
    params: { filter: { ACTIVE: true } },
    maxRows: MAX_USERS,
  });
  const complete = departments.complete && users.complete;
  const departmentIds = new Map<number, number>();
  const seen: number[] = [];
  // One transaction: the pickers never see half a directory, and SQLite writes it in one go.
  await db.$transaction(
    async (tx) => {
      for (const row of departments.rows as B24Department[]) {
        const b24DepartmentId = id(row.ID);
        if (b24DepartmentId === null) continue;
        const data = { name: text(row.NAME, MAX_NAME) || `#${b24DepartmentId}`, parentB24Id: id(row.PARENT) };
        const saved = await tx.department.upsert({
          where: { portalId_b24DepartmentId: { portalId, b24DepartmentId } },
          create: { portalId, b24DepartmentId, ...data },
          update: data,
        });
        departmentIds.set(b24DepartmentId, saved.id);
      }
      if (complete)
        await tx.department.deleteMany({ where: { portalId, b24DepartmentId: { notIn: [...departmentIds.keys()] } } });
      for (const row of users.rows as B24User[]) {
        const b24UserId = id(row.ID);
        if (b24UserId === null) continue;
        seen.push(b24UserId);
        const name = [text(row.NAME, MAX_NAME), text(row.LAST_NAME, MAX_NAME)].filter(Boolean).join(' ');
        const extension = text(row.UF_PHONE_INNER, 20) || null;
        const data = { name: name || `User ${b24UserId}`, extension, active: true, syncedAt: new Date() };
        const user = await tx.user.upsert({
          where: { portalId_b24UserId: { portalId, b24UserId } },
          create: { portalId, b24UserId, ...data },
          update: data,
        });
        const links = (Array.isArray(row.UF_DEPARTMENT) ? row.UF_DEPARTMENT : [])
          .map((value) => departmentIds.get(id(value) ?? 0))
          .filter((value): value is number => value !== undefined);
        await tx.userDepartment.deleteMany({ where: { userId: user.id } });
        for (const departmentId of new Set(links))
          await tx.userDepartment.create({ data: { userId: user.id, departmentId } });
      }
      if (complete)
        await tx.user.updateMany({ where: { portalId, b24UserId: { notIn: seen } }, data: { active: false } });
    },
    { timeout: 60_000 },
  );
  return { departments: departmentIds.size, users: seen.length, complete };
}
