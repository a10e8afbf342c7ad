import type { Lang } from '@/lib/i18n/lang';
import { defaultCarrierGroups } from '@/lib/numbering/registry';
import type { CarrierGroup } from '@/lib/routing/types';

/**
 * Fills the groups from the suggested defaults (each carrier with the MVNOs reported on its network). The group that
 * already holds the carrier's own ИНН (or, failing that, is named like it in either language) keeps its id, so trunks
 * that point at it stay linked; suggested ИНН are taken out of any other group, since an ИНН may belong to one group
 * only.
 */
export function suggestCarrierGroups(
  groups: CarrierGroup[],
  lang: Lang,
  newId: (key: string) => string,
): CarrierGroup[] {
  const next = groups.map((g) => ({ ...g, inns: [...g.inns] }));
  const holderOf = new Map(defaultCarrierGroups.map((s) => [s.id, next.find((g) => g.inns.includes(s.hostInn))]));
  const suggested = new Set(defaultCarrierGroups.flatMap((s) => s.memberInns));
  for (const group of next) group.inns = group.inns.filter((inn) => !suggested.has(inn));
  for (const suggestion of defaultCarrierGroups) {
    const names = [suggestion.name.ru, suggestion.name.en].map((n) => n.toLowerCase());
    const existing = holderOf.get(suggestion.id) ?? next.find((g) => names.includes(g.name.trim().toLowerCase()));
    if (existing) existing.inns = [...suggestion.memberInns, ...existing.inns];
    else next.push({ id: newId(suggestion.id), name: suggestion.name[lang], inns: [...suggestion.memberInns] });
  }
  return next;
}
