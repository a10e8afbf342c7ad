import type { JournalFilters } from './journal-filters';

export type RestrictJournalFiltersOptions = {
  portal: { isAdmin: boolean };
  /** The viewer's Bitrix24 user id (null outside a portal frame). */
  b24UserId: number | null;
};

/**
 * An admin sees every call; anyone else only their own (a colleague's calls name clients and their numbers). A
 * non-admin with no known user id sees nothing rather than everything.
 */
export function restrictJournalFilters(
  filters: JournalFilters,
  { portal, b24UserId }: RestrictJournalFiltersOptions,
): JournalFilters {
  if (portal.isAdmin) return filters;
  return { ...filters, user: b24UserId ?? -1 };
}
