import type { Db } from '../db/client';

export type DirectoryDepartment = { id: string; name: string; parentId: string | null };
export type DirectoryUser = { id: string; name: string; extension: string | null; departmentIds: string[] };
export type PortalDirectory = { departments: DirectoryDepartment[]; users: DirectoryUser[] };

export type LoadPortalDirectoryOptions = { db: Db; portalId: number };

/**
 * The cached Bitrix24 departments and active users of a portal, with Bitrix24 ids as strings, for the admin pickers.
 */
export async function loadPortalDirectory({ db, portalId }: LoadPortalDirectoryOptions): Promise<PortalDirectory> {
  const [departments, users] = await Promise.all([
    db.department.findMany({ where: { portalId }, orderBy: { b24DepartmentId: 'asc' } }),
    db.user.findMany({
      where: { portalId, active: true },
      orderBy: { b24UserId: 'asc' },
      include: { departments: { include: { department: { select: { b24DepartmentId: true } } } } },
    }),
  ]);
  return {
    departments: departments.map((d) => ({
      id: String(d.b24DepartmentId),
      name: d.name,
      parentId: d.parentB24Id === null ? null : String(d.parentB24Id),
    })),
    users: users.map((u) => ({
      id: String(u.b24UserId),
      name: u.name,
      extension: u.extension,
      departmentIds: u.departments.map((d) => String(d.department.b24DepartmentId)),
    })),
  };
}
