import { describe, expect, it } from 'vitest';
import { navItems } from './nav-items';
import { shouldConfirmLeave } from './should-confirm-leave';

const page = (href: string) => navItems.find((item) => item.href === href)!;
const ROUTING = '/api/settings/routing';
const LISTS = '/api/settings/lists';

describe('shouldConfirmLeave', () => {
  it.each<[string, string, string[], boolean]>([
    ['/admin/trunks', '/admin/journal', [ROUTING], true],
    ['/admin/trunks', '/admin/lists', [ROUTING], true],
    ['/admin/trunks', '/admin/carrier-groups', [ROUTING], false],
    ['/admin/carrier-groups', '/admin/departments', [ROUTING], false],
    ['/admin/trunks', '/admin/journal', [], false],
    ['/admin/trunks', '/admin/journal', [LISTS], false],
    ['/admin/lists', '/admin/trunks', [LISTS], true],
    ['/admin/lists', '/admin/trunks', [ROUTING, LISTS], true],
    ['/admin/journal', '/admin/savings', [ROUTING, LISTS], false],
    ['/admin/trunks', '/admin/trunks', [ROUTING], false],
  ])('from %s to %s with %j unsaved → %s', (from, to, unsaved, expected) => {
    expect(shouldConfirmLeave({ from: page(from), to: page(to), unsaved })).toBe(expected);
  });

  it('never asks when leaving a page outside the menu', () => {
    expect(shouldConfirmLeave({ from: undefined, to: page('/admin'), unsaved: [ROUTING] })).toBe(false);
  });
});
