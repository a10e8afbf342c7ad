import type { Caller, RoutingSettings } from '../routing/types';
import type { SimulatedCaller } from './simulate-day';

/**
 * Sales makes almost all outgoing calls. HR calls candidates from exactly two numbers of one SIM each, so its day is
 * bounded by those two SIMs' caps (2 × 100 calls): ~3 % of a 5 000-call day is two recruiters' ~75 calls each.
 */
export const SALES_SHARE = 0.97;
export const HR_SHARE = 0.03;

export type PickSimulatedCallersOptions = {
  settings: RoutingSettings;
  /** Extension → the person's departments (the routing context's callers). */
  callers: ReadonlyMap<string, Caller>;
  /** Extension → journal user id, when the people are in the database. */
  userIds?: ReadonlyMap<string, number>;
};

/**
 * The portal's Sales and HR managers with the share of the day's calls each makes (split evenly within a department).
 */
export function pickSimulatedCallers({ settings, callers, userIds }: PickSimulatedCallersOptions): SimulatedCaller[] {
  const kindOf = (caller: Caller) => {
    const kinds = settings.profiles
      .filter((p) => p.departmentIds.some((d) => caller.departmentIds.includes(d)))
      .map((p) => p.kind);
    return kinds.includes('hr') ? 'hr' : kinds.includes('sales') ? 'sales' : null;
  };
  const people = [...callers.entries()]
    .map(([extension, caller]) => ({ extension, caller, kind: kindOf(caller) }))
    .sort((a, b) => a.extension.localeCompare(b.extension));
  const sales = people.filter((p) => p.kind === 'sales');
  const hr = people.filter((p) => p.kind === 'hr');
  const salesShare = hr.length ? SALES_SHARE : 1;
  const hrShare = sales.length ? HR_SHARE : 1;
  return [
    ...sales.map((p) => ({
      extension: p.extension,
      caller: p.caller,
      userId: userIds?.get(p.extension) ?? null,
      weight: salesShare / sales.length,
    })),
    ...hr.map((p) => ({
      extension: p.extension,
      caller: p.caller,
      userId: userIds?.get(p.extension) ?? null,
      weight: hrShare / hr.length,
    })),
  ];
}

/** The reference deployment's people (scripts/peers): Sales 101–103 in department 1, HR 201–202 in department 2. */
export const demoCallers: ReadonlyMap<string, Caller> = new Map<string, Caller>([
  ...['101', '102', '103'].map((extension): [string, Caller] => [extension, { extension, departmentIds: ['1'] }]),
  ...['201', '202'].map((extension): [string, Caller] => [extension, { extension, departmentIds: ['2'] }]),
]);
