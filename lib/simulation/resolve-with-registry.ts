import type { CarrierIndex } from '../numbering/registry';
import { resolveCarrier, type CarrierOverride } from '../numbering/carrier';
import type { PortedIndex } from '../numbering/ported';
import type { ResolvedCarrier } from '../routing/types';

export type ResolveWithRegistryOptions = {
  index: CarrierIndex;
  overrides?: ReadonlyMap<string, CarrierOverride>;
  ported?: PortedIndex | null;
};

/** The same carrier resolution routeCall uses (override > ported > registry), as the decision's callback. */
export function resolveWithRegistry({
  index,
  overrides,
  ported,
}: ResolveWithRegistryOptions): (e164: string) => ResolvedCarrier | null {
  return (e164) => {
    const found = resolveCarrier({ e164, index, overrides, ported });
    return found?.inn
      ? { inn: found.inn, source: found.source, operator: found.operator, range: found.range ?? undefined }
      : null;
  };
}
