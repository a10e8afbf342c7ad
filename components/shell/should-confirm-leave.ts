import type { NavItem } from './nav-items';

export type ShouldConfirmLeaveOptions = {
  /** The page being left and the tab clicked. */
  from: NavItem | undefined;
  to: NavItem;
  /** API urls of the settings documents with unsaved edits. */
  unsaved: string[];
};

/**
 * Whether switching tabs asks first: only when the page being left edits a document with unsaved edits and the tab
 * clicked does not show that document (the lines and the carrier groups tabs edit one document, so moving between
 * them loses nothing from sight). The draft itself is kept either way.
 */
export function shouldConfirmLeave({ from, to, unsaved }: ShouldConfirmLeaveOptions): boolean {
  if (!from || from.href === to.href) return false;
  return (from.documents ?? []).some((url) => unsaved.includes(url) && !(to.documents ?? []).includes(url));
}
