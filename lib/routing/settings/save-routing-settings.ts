import type { Db } from '../../db/client';
import { validateRoutingSettings } from '../validate-routing-settings';
import type { RoutingSettings } from '../types';
import { loadRoutingSettings } from './load-routing-settings';
import { forgetRoutingContext } from './get-routing-context';
import { takeNamedWriteLock } from '../../db/take-write-lock';

export type SaveRoutingSettingsOptions = { db: Db; portalId: number; settings: unknown };
type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Validates and stores a portal's whole routing settings in one transaction, so the decision never sees half an edit.
 * Ids of existing rows are their database ids as strings; any other id (e.g. "new-1") creates a row, and references to
 * it (a profile's default trunk) are resolved inside the same transaction. Rows missing from the input are deleted;
 * the calls journal keeps the trunk's name, so history survives a deleted trunk.
 */
export async function saveRoutingSettings({
  db,
  portalId,
  settings,
}: SaveRoutingSettingsOptions): Promise<RoutingSettings> {
  const valid = validateRoutingSettings(settings);
  await db.$transaction(async (tx) => {
    // It reads the existing rows first, then replaces them: two saves (two app instances) must not interleave.
    await takeNamedWriteLock(tx, db, `routing-settings:${portalId}`);
    const groupIds = await saveGroups(tx, portalId, valid);
    const trunkIds = await saveTrunks(tx, portalId, valid, groupIds);
    await saveProfiles(tx, portalId, valid, trunkIds);
    const defaultTrunkId = trunkIds.get(valid.defaultTrunkId) ?? null;
    const thresholds = valid.simHealth && {
      simFailuresInRow: valid.simHealth.failuresInRow,
      simShortCallsInRow: valid.simHealth.shortCallsInRow,
      simShortCallSeconds: valid.simHealth.shortCallSeconds,
    };
    await tx.portalSettings.upsert({
      where: { portalId },
      create: { portalId, defaultTrunkId, ...thresholds },
      update: { defaultTrunkId, ...thresholds },
    });
  });
  forgetRoutingContext(portalId);
  return loadRoutingSettings({ db, portalId });
}

/** Existing ids that the input keeps; unique names are parked first so that swapping two names cannot collide. */
function keepExisting(existing: number[], incoming: string[]): Set<number> {
  const wanted = new Set(incoming.map(Number).filter(Number.isInteger));
  return new Set(existing.filter((id) => wanted.has(id)));
}

async function saveGroups(tx: Tx, portalId: number, s: RoutingSettings): Promise<Map<string, number>> {
  const existing = (await tx.carrierGroup.findMany({ where: { portalId }, select: { id: true } })).map((g) => g.id);
  const kept = keepExisting(
    existing,
    s.carrierGroups.map((g) => g.id),
  );
  await tx.carrierGroup.deleteMany({ where: { portalId, id: { notIn: [...kept] } } });
  for (const id of kept) await tx.carrierGroup.update({ where: { id }, data: { name: `__saving_${id}` } });
  await tx.carrierGroupInn.deleteMany({ where: { portalId } });
  const ids = new Map<string, number>();
  for (const group of s.carrierGroups) {
    const id = Number(group.id);
    const row = kept.has(id)
      ? await tx.carrierGroup.update({ where: { id }, data: { name: group.name } })
      : await tx.carrierGroup.create({ data: { portalId, name: group.name, brand: group.name } });
    ids.set(group.id, row.id);
    for (const inn of group.inns) await tx.carrierGroupInn.create({ data: { portalId, groupId: row.id, inn } });
  }
  return ids;
}

async function saveTrunks(
  tx: Tx,
  portalId: number,
  s: RoutingSettings,
  groupIds: Map<string, number>,
): Promise<Map<string, number>> {
  const existing = (await tx.trunk.findMany({ where: { portalId }, select: { id: true } })).map((t) => t.id);
  const kept = keepExisting(
    existing,
    s.trunks.map((t) => t.id),
  );
  await tx.trunk.deleteMany({ where: { portalId, id: { notIn: [...kept] } } });
  for (const id of kept)
    await tx.trunk.update({ where: { id }, data: { name: `__saving_${id}`, lineNumber: `__saving_${id}` } });
  const ids = new Map<string, number>();
  for (const trunk of s.trunks) {
    const data = {
      name: trunk.name,
      lineNumber: trunk.lineNumber,
      dial: trunk.dial,
      carrierGroupId: groupIds.get(trunk.carrierGroupId) ?? null,
      channels: trunk.channels,
      // Never null: an empty list is "the gateway picks the port" (a JSON null needs the client's own sentinel).
      simDials: [...(trunk.simDials ?? [])],
      ...trunk.caps,
      tariffOnNetKopecks: trunk.tariff.onNetKopecks,
      tariffOffNetKopecks: trunk.tariff.offNetKopecks,
      enabled: trunk.enabled,
      callbackB24UserId: trunk.callbackUserId ? Number(trunk.callbackUserId) : null,
    };
    const id = Number(trunk.id);
    const row = kept.has(id)
      ? await tx.trunk.update({ where: { id }, data })
      : await tx.trunk.create({ data: { portalId, ...data } });
    ids.set(trunk.id, row.id);
  }
  return ids;
}

async function saveProfiles(
  tx: Tx,
  portalId: number,
  s: RoutingSettings,
  trunkIds: Map<string, number>,
): Promise<void> {
  const existing = (await tx.departmentProfile.findMany({ where: { portalId }, select: { id: true } })).map(
    (p) => p.id,
  );
  const kept = keepExisting(
    existing,
    s.profiles.map((p) => p.id),
  );
  await tx.departmentProfile.deleteMany({ where: { portalId, id: { notIn: [...kept] } } });
  for (const id of kept) await tx.departmentProfile.update({ where: { id }, data: { name: `__saving_${id}` } });
  await tx.department.updateMany({ where: { portalId }, data: { profileId: null } });
  for (const profile of s.profiles) {
    const data = { kind: profile.kind, name: profile.name, defaultTrunkId: trunkIds.get(profile.defaultTrunkId)! };
    const id = Number(profile.id);
    const row = kept.has(id)
      ? await tx.departmentProfile.update({ where: { id }, data })
      : await tx.departmentProfile.create({ data: { portalId, ...data } });
    await tx.profileTrunk.deleteMany({ where: { profileId: row.id } });
    for (const trunkId of profile.allowedTrunkIds)
      await tx.profileTrunk.create({ data: { profileId: row.id, trunkId: trunkIds.get(trunkId)! } });
    for (const department of profile.departmentIds) {
      const b24DepartmentId = Number(department);
      // Departments are a cache of Bitrix24; a profile may name one the sync has not brought yet.
      await tx.department.upsert({
        where: { portalId_b24DepartmentId: { portalId, b24DepartmentId } },
        create: { portalId, b24DepartmentId, name: `#${department}`, profileId: row.id },
        update: { profileId: row.id },
      });
    }
  }
}
