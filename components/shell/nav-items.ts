import type { MessageKey } from '@/lib/i18n/messages';

export type NavItem = {
  href: string;
  label: MessageKey;
  adminOnly?: boolean;
  /** API urls of the settings documents the page edits (their drafts outlive the page, see settings-drafts.tsx). */
  documents?: string[];
};

const ROUTING = '/api/settings/routing';

/** Pages of the admin area, in menu order. A new page adds its entry here. */
export const navItems: NavItem[] = [
  { href: '/admin', label: 'nav.overview' },
  // First run: where the portal stands on its way to the first routed call, with links to each step's page.
  { href: '/admin/setup', label: 'nav.setup', adminOnly: true },
  // The wizard edits the routing document too, so its draft is the lines/groups/departments pages' draft.
  { href: '/admin/wizard', label: 'nav.wizard', adminOnly: true, documents: [ROUTING] },
  { href: '/admin/trunks', label: 'nav.trunks', adminOnly: true, documents: [ROUTING] },
  { href: '/admin/carrier-groups', label: 'nav.carrierGroups', adminOnly: true, documents: [ROUTING] },
  { href: '/admin/departments', label: 'nav.departments', adminOnly: true, documents: [ROUTING] },
  { href: '/admin/lists', label: 'nav.lists', adminOnly: true, documents: ['/api/settings/lists'] },
  // The numbering registry, MNP set and per-number overrides that decide every call's carrier (uploads are admin-only).
  { href: '/admin/registry', label: 'nav.registry', adminOnly: true },
  // Anyone may ask why a call went where it did; the tester changes nothing.
  { href: '/admin/route-tester', label: 'nav.routeTester' },
  // The journal and the savings read the portal's calls; like the tester they change nothing.
  { href: '/admin/journal', label: 'nav.journal' },
  { href: '/admin/savings', label: 'nav.savings' },
];
