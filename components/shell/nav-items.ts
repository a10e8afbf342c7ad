import type { MessageKey } from '@/lib/i18n/messages';

export type NavItem = { href: string; label: MessageKey; adminOnly?: boolean };

/** Pages of the admin area, in menu order. Each issue that adds a page adds its entry here. */
export const navItems: NavItem[] = [{ href: '/admin', label: 'nav.overview' }];
