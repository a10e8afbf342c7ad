import type { Db } from '../../db/client';
import { ensureLocalPortal } from '../../portals/ensure-local-portal';
import { demoRoutingSettings } from '../demo-routing-settings';
import type { RoutingSettings } from '../types';
import { forgetRoutingContext } from './get-routing-context';
import { loadRoutingSettings } from './load-routing-settings';
import { saveRoutingSettings } from './save-routing-settings';

export type SeedDemoPortalOptions = {
  db: Db;
  portalId?: number;
  /** The compact test configuration (default) or the full-size reference deployment (reference-routing-settings.ts). */
  settings?: RoutingSettings;
};

/** The test PBX's people (scripts/peers): Sales managers on 101–103, HR on 201–202. */
const demoPeople = [
  { b24UserId: 1, name: 'Анна Смирнова (Продажи)', extension: '101', department: 1 },
  { b24UserId: 2, name: 'Борис Иванов (Продажи)', extension: '102', department: 1 },
  { b24UserId: 3, name: 'Вера Козлова (Продажи)', extension: '103', department: 1 },
  { b24UserId: 4, name: 'Галина Петрова (HR)', extension: '201', department: 2 },
  { b24UserId: 5, name: 'Дмитрий Орлов (HR)', extension: '202', department: 2 },
];
const demoDepartments = [
  { b24DepartmentId: 1, name: 'Отдел продаж' },
  { b24DepartmentId: 2, name: 'HR' },
];

/**
 * Loads the reference deployment into a portal (the local one by default). Idempotent: rows are matched by name, so
 * running it twice keeps the same ids (and the journal's links to them).
 */
export async function seedDemoPortal({
  db,
  portalId,
  settings: wanted = demoRoutingSettings,
}: SeedDemoPortalOptions): Promise<{ portalId: number; settings: RoutingSettings }> {
  const id = portalId ?? (await ensureLocalPortal({ db })).id;
  for (const d of demoDepartments) {
    await db.department.upsert({
      where: { portalId_b24DepartmentId: { portalId: id, b24DepartmentId: d.b24DepartmentId } },
      create: { portalId: id, ...d },
      update: { name: d.name },
    });
  }
  const current = await loadRoutingSettings({ db, portalId: id });
  const settings = reuseIdsByName(current, wanted);
  const saved = await saveRoutingSettings({ db, portalId: id, settings });
  const departments = await db.department.findMany({ where: { portalId: id } });
  for (const person of demoPeople) {
    const user = await db.user.upsert({
      where: { portalId_b24UserId: { portalId: id, b24UserId: person.b24UserId } },
      create: { portalId: id, b24UserId: person.b24UserId, name: person.name, extension: person.extension },
      update: { name: person.name, extension: person.extension, active: true },
    });
    const department = departments.find((d) => d.b24DepartmentId === person.department)!;
    await db.userDepartment.deleteMany({ where: { userId: user.id } });
    await db.userDepartment.create({ data: { userId: user.id, departmentId: department.id } });
  }
  forgetRoutingContext(id); // the people changed after the settings save forgot it
  return { portalId: id, settings: saved };
}

/** The wanted settings with each row's id replaced by the id of the existing row of the same name. */
function reuseIdsByName(current: RoutingSettings, wanted: RoutingSettings): RoutingSettings {
  const demo = structuredClone(wanted);
  const rename = (ids: Map<string, string>, id: string) => ids.get(id) ?? id;
  const groupIds = new Map(
    demo.carrierGroups.map((g) => [
      g.id,
      current.carrierGroups.find((c) => c.name === g.name)?.id ?? `new-group-${g.id}`,
    ]),
  );
  const trunkIds = new Map(
    demo.trunks.map((t) => [t.id, current.trunks.find((c) => c.name === t.name)?.id ?? `new-trunk-${t.id}`]),
  );
  const profileIds = new Map(
    demo.profiles.map((p) => [p.id, current.profiles.find((c) => c.name === p.name)?.id ?? `new-profile-${p.id}`]),
  );
  return {
    carrierGroups: demo.carrierGroups.map((g) => ({ ...g, id: rename(groupIds, g.id) })),
    trunks: demo.trunks.map((t) => ({
      ...t,
      id: rename(trunkIds, t.id),
      carrierGroupId: rename(groupIds, t.carrierGroupId),
    })),
    profiles: demo.profiles.map((p) => ({
      ...p,
      id: rename(profileIds, p.id),
      allowedTrunkIds: p.allowedTrunkIds.map((t) => rename(trunkIds, t)),
      defaultTrunkId: rename(trunkIds, p.defaultTrunkId),
    })),
    defaultTrunkId: rename(trunkIds, demo.defaultTrunkId),
  };
}
