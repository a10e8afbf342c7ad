import type { CarrierIndex } from '../numbering/registry';
import { resolveCarrier, type CarrierOverride } from '../numbering/carrier';
import type { PortedIndex } from '../numbering/ported';
import type { ResolvedCarrier } from '../routing/types';

export type ResolveWithRegistryOptions = {
  index: CarrierIndex;
  /** The simulated portal's admin overrides, checked before the learned ones. */
  portalOverrides?: ReadonlyMap<string, CarrierOverride>;
  overrides?: ReadonlyMap<string, CarrierOverride>;
  ported?: PortedIndex | null;
};

/** The same carrier resolution routeCall uses (override > ported > registry), as the decision's callback. */
export function resolveWithRegistry({
  index,
  portalOverrides,
  overrides,
  ported,
}: ResolveWithRegistryOptions): (e164: string) => ResolvedCarrier | null {
  return (e164) => {
    const found = resolveCarrier({ e164, index, portalOverrides, overrides, ported });
    return found?.inn
      ? { inn: found.inn, source: found.source, operator: found.operator, range: found.range ?? undefined }
      : null;
  };
}
