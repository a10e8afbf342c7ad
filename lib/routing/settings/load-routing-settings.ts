import type { Db } from '../../db/client';
import { DEFAULT_SIM_HEALTH } from '../sim-health-defaults';
import type { RoutingSettings } from '../types';

export type LoadRoutingSettingsOptions = { db: Db; portalId: number };

/** A portal's routing settings as the pure decision reads them; database ids become strings. */
export async function loadRoutingSettings({ db, portalId }: LoadRoutingSettingsOptions): Promise<RoutingSettings> {
  const [trunks, groups, profiles, settings] = await Promise.all([
    db.trunk.findMany({ where: { portalId }, orderBy: { id: 'asc' } }),
    db.carrierGroup.findMany({
      where: { portalId },
      orderBy: { id: 'asc' },
      include: { inns: { orderBy: { id: 'asc' } } },
    }),
    db.departmentProfile.findMany({
      where: { portalId },
      orderBy: { id: 'asc' },
      include: { trunks: { orderBy: { trunkId: 'asc' } }, departments: { orderBy: { b24DepartmentId: 'asc' } } },
    }),
    db.portalSettings.findUnique({ where: { portalId } }),
  ]);
  return {
    trunks: trunks.map((t) => ({
      id: String(t.id),
      name: t.name,
      lineNumber: t.lineNumber,
      dial: t.dial,
      carrierGroupId: t.carrierGroupId === null ? '' : String(t.carrierGroupId),
      channels: t.channels,
      simDials: Array.isArray(t.simDials) ? t.simDials.filter((dial) => typeof dial === 'string') : [],
      caps: {
        callsPerDay: t.callsPerDay,
        minutesPerDay: t.minutesPerDay,
        minutesPerMonth: t.minutesPerMonth,
        minGapSeconds: t.minGapSeconds,
      },
      tariff: { onNetKopecks: t.tariffOnNetKopecks, offNetKopecks: t.tariffOffNetKopecks },
      enabled: t.enabled,
      callbackUserId: t.callbackB24UserId === null ? null : String(t.callbackB24UserId),
    })),
    carrierGroups: groups.map((g) => ({ id: String(g.id), name: g.name, inns: g.inns.map((i) => i.inn) })),
    profiles: profiles.map((p) => ({
      id: String(p.id),
      kind: p.kind as 'sales' | 'hr' | 'other',
      name: p.name,
      departmentIds: p.departments.map((d) => String(d.b24DepartmentId)),
      allowedTrunkIds: p.trunks.map((t) => String(t.trunkId)),
      defaultTrunkId: p.defaultTrunkId === null ? '' : String(p.defaultTrunkId),
    })),
    defaultTrunkId: settings?.defaultTrunkId == null ? '' : String(settings.defaultTrunkId),
    simHealth: {
      failuresInRow: settings?.simFailuresInRow ?? DEFAULT_SIM_HEALTH.failuresInRow,
      shortCallsInRow: settings?.simShortCallsInRow ?? DEFAULT_SIM_HEALTH.shortCallsInRow,
      shortCallSeconds: settings?.simShortCallSeconds ?? DEFAULT_SIM_HEALTH.shortCallSeconds,
    },
  };
}
