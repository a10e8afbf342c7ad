import type { AmiHealth } from '@/lib/health/health-report';
import type { ListsDocument } from '@/lib/lists/load-lists';
import type { RoutingSettings } from '@/lib/routing/types';

export type SetupStepId =
  | 'pbx'
  | 'lines'
  | 'groups'
  | 'departments'
  | 'hrNumbers'
  | 'defaultLine'
  | 'whitelist'
  | 'test';
/** done; todo (calls need it); warn (works, but something is off); manual (the admin checks it themselves). */
export type SetupStepState = 'done' | 'todo' | 'warn' | 'manual';
export type SetupStep = { id: SetupStepId; state: SetupStepState; href: string; count?: number };

export type DecideSetupStepsOptions = {
  /** The PBXs the server knows over AMI; null while unknown. */
  ami: readonly AmiHealth[] | null;
  settings: RoutingSettings;
  lists: ListsDocument | null;
};

/**
 * Where a new portal stands on its way to the first routed call, step by step, from what the server already knows.
 * Each step links to the page that does it; the test call is the admin's own check (the route tester, then a call).
 */
export function decideSetupSteps({ ami, settings, lists }: DecideSetupStepsOptions): SetupStep[] {
  const { trunks, carrierGroups, profiles } = settings;
  const hr = profiles.find((p) => p.kind === 'hr');
  const kinds = new Set(profiles.map((p) => p.kind));
  const ungrouped = trunks.filter((t) => t.carrierGroupId === '').length;
  const whitelisted = lists
    ? lists.whitelistUsers.length + lists.whitelistDepartments.length + lists.whitelistExtensions.length
    : 0;
  const pbx: SetupStepState =
    ami === null || ami.length === 0 ? 'todo' : ami.every((connection) => connection.ok) ? 'done' : 'warn';
  return [
    { id: 'pbx', state: pbx, href: '/admin', count: ami?.length ?? 0 },
    { id: 'lines', state: trunks.length > 0 ? 'done' : 'todo', href: '/admin/trunks', count: trunks.length },
    {
      id: 'groups',
      state: carrierGroups.length === 0 ? 'todo' : ungrouped > 0 ? 'warn' : 'done',
      href: '/admin/carrier-groups',
      count: ungrouped > 0 ? ungrouped : carrierGroups.length,
    },
    {
      id: 'departments',
      state: kinds.has('sales') && kinds.has('hr') ? 'done' : profiles.length > 0 ? 'warn' : 'todo',
      href: '/admin/departments',
      count: profiles.length,
    },
    {
      id: 'hrNumbers',
      state: hr && hr.allowedTrunkIds.length === 2 ? 'done' : 'todo',
      href: '/admin/departments',
      count: hr?.allowedTrunkIds.length ?? 0,
    },
    {
      id: 'defaultLine',
      state: trunks.some((t) => t.id === settings.defaultTrunkId) ? 'done' : 'todo',
      href: '/admin/trunks',
    },
    // Optional: without a whitelist no call is registered in Bitrix24, which some portals want.
    { id: 'whitelist', state: whitelisted > 0 ? 'done' : 'warn', href: '/admin/lists', count: whitelisted },
    { id: 'test', state: 'manual', href: '/admin/route-tester' },
  ];
}
