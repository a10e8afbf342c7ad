import type { Db } from '../../db/client';
import { callPortalRest } from '../rest/call-portal-rest';
import { getPortalClient } from '../rest/get-portal-client';

export type ResolveUserExtensionOptions = { db: Db; portalId: number; b24UserId: number };
export type ResolvedUser = {
  extension: string | null;
  departmentIds: number[];
  /** The cached user was (re)written from Bitrix24: routing caches that know the portal's people must forget them. */
  refreshed: boolean;
};

/**
 * A Bitrix24 user's desk-phone extension (UF_PHONE_INNER) from the user cache; an unknown user or one without an
 * extension is looked up once with `user.get` and cached (with departments), so a new manager's first click works.
 */
export async function resolveUserExtension({
  db,
  portalId,
  b24UserId,
}: ResolveUserExtensionOptions): Promise<ResolvedUser> {
  const cached = await db.user.findUnique({
    where: { portalId_b24UserId: { portalId, b24UserId } },
    include: { departments: { include: { department: { select: { b24DepartmentId: true } } } } },
  });
  if (cached?.extension) {
    return {
      extension: cached.extension,
      departmentIds: cached.departments.map((link) => link.department.b24DepartmentId),
      refreshed: false,
    };
  }
  const client = await getPortalClient({ portalId, db });
  const answer = await callPortalRest(client, 'user.get', { filter: { ID: b24UserId } });
  const found =
    answer.ok && Array.isArray(answer.result) ? (answer.result[0] as Record<string, unknown> | undefined) : undefined;
  if (!found) return { extension: cached?.extension ?? null, departmentIds: [], refreshed: false };
  const extension =
    typeof found.UF_PHONE_INNER === 'string' && found.UF_PHONE_INNER.trim() ? found.UF_PHONE_INNER.trim() : null;
  const departmentIds = (Array.isArray(found.UF_DEPARTMENT) ? found.UF_DEPARTMENT : [])
    .map(Number)
    .filter(Number.isFinite);
  const name =
    [found.NAME, found.LAST_NAME].filter((part) => typeof part === 'string' && part).join(' ') || `User ${b24UserId}`;
  const user = await db.user.upsert({
    where: { portalId_b24UserId: { portalId, b24UserId } },
    create: { portalId, b24UserId, name, extension, syncedAt: new Date() },
    update: { name, extension, syncedAt: new Date() },
  });
  const departments = await db.department.findMany({
    where: { portalId, b24DepartmentId: { in: departmentIds } },
    select: { id: true },
  });
  for (const department of departments) {
    await db.userDepartment.upsert({
      where: { userId_departmentId: { userId: user.id, departmentId: department.id } },
      create: { userId: user.id, departmentId: department.id },
      update: {},
    });
  }
  return { extension, departmentIds, refreshed: true };
}
