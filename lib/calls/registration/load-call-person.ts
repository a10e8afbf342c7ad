import type { Db } from '../../db/client';

export type CallPerson = { b24UserId: number | null; extension: string | null; departmentIds: number[] };
export type LoadCallPersonOptions = { db: Db; portalId: number; b24UserId?: number | null; extension?: string | null };

/** The manager on a call from the user cache, by Bitrix24 user id or extension (UF_PHONE_INNER), with departments. */
export async function loadCallPerson({
  db,
  portalId,
  b24UserId,
  extension,
}: LoadCallPersonOptions): Promise<CallPerson> {
  const where = b24UserId ? { portalId, b24UserId } : extension ? { portalId, extension } : null;
  const user = where
    ? await db.user.findFirst({
        where: { ...where, active: true },
        include: { departments: { include: { department: { select: { b24DepartmentId: true } } } } },
      })
    : null;
  if (!user) return { b24UserId: b24UserId ?? null, extension: extension ?? null, departmentIds: [] };
  return callPersonOf(user, extension);
}

export type CallPersonRow = {
  b24UserId: number;
  extension: string | null;
  departments: Array<{ department: { b24DepartmentId: number } }>;
};

/** A user-cache row as the registration sees it; `extension` stands in when the row has none. */
export function callPersonOf(user: CallPersonRow, extension?: string | null): CallPerson {
  return {
    b24UserId: user.b24UserId,
    extension: user.extension ?? extension ?? null,
    departmentIds: user.departments.map((link) => link.department.b24DepartmentId),
  };
}
