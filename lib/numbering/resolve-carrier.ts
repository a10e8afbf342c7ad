import type { CarrierIndex } from './build-carrier-index';
import { findKnownCarrier } from './carriers';
import { lookupCarrier } from './lookup-carrier';
import type { PortedNumber } from './parse-ported-numbers';
import type { CarrierMatch, RangeRef } from './types';

/** A per-number decision made by an admin or learned from a call (e.g. an HLR answer). */
export type CarrierOverride = {
  readonly inn: string;
  /** Shown instead of a registry name, e.g. "Билайн (проверено вручную)". */
  readonly label?: string;
};

export type ResolveCarrierOptions = {
  /** Canonical number from `normalizePhoneNumber` ("79151234567"). */
  readonly e164: string;
  readonly index: CarrierIndex;
  readonly ported?: ReadonlyMap<string, PortedNumber>;
  readonly overrides?: ReadonlyMap<string, CarrierOverride>;
};

export type ResolvedCarrier = {
  /** Which layer answered: override > ported > registry. */
  readonly source: 'override' | 'ported' | 'registry';
  /** Current carrier; null only for a ported number whose recipient id maps to no known ИНН. */
  readonly inn: string | null;
  /**
   * Display name: the override label, else a registry spelling of the ИНН, else the brand name or
   * (ported, unknown ИНН) the MNP owner id.
   */
  readonly operator: string;
  /** Region of the range; porting in Russia stays within the region, so it holds for every source. */
  readonly region: string | null;
  readonly territory: string | null;
  readonly range: RangeRef | null;
  /** Who the number was allocated to, whatever the source (null in a registry gap). */
  readonly rangeHolder: CarrierMatch | null;
  readonly portedTo: PortedNumber | null;
};

/**
 * Decides the carrier to route a call by. An override wins because it is a deliberate human or
 * measured decision; a ported-number record beats the registry because roughly 1 number in 12 has
 * moved carrier; the registry is the fallback. Null means "unknown: use the default trunk".
 */
export function resolveCarrier({ e164, index, ported, overrides }: ResolveCarrierOptions): ResolvedCarrier | null {
  const rangeHolder = lookupCarrier(index, e164);
  const override = overrides?.get(e164);
  if (override) {
    const operator = override.label ?? nameOf(index, override.inn) ?? override.inn;
    return answer('override', override.inn, operator, rangeHolder, ported?.get(e164) ?? null);
  }
  const portedTo = ported?.get(e164);
  if (portedTo) {
    const operator = (portedTo.inn !== null ? nameOf(index, portedTo.inn) : null) ?? portedTo.ownerId;
    return answer('ported', portedTo.inn, operator, rangeHolder, portedTo);
  }
  if (!rangeHolder) return null;
  return answer('registry', rangeHolder.inn, rangeHolder.operator, rangeHolder, null);
}

/**
 * One literal with every field in the same order: the bench showed that building this with object
 * spread (`{ ...base, source }`) made resolution ~10× slower than the lookup itself in V8.
 */
function answer(
  source: ResolvedCarrier['source'],
  inn: string | null,
  operator: string,
  rangeHolder: CarrierMatch | null,
  portedTo: PortedNumber | null,
): ResolvedCarrier {
  return {
    source,
    inn,
    operator,
    region: rangeHolder ? rangeHolder.region : null,
    territory: rangeHolder ? rangeHolder.territory : null,
    range: rangeHolder ? rangeHolder.range : null,
    rangeHolder,
    portedTo,
  };
}

/** First registry spelling for the ИНН (the index has ~90 of them), else the known brand name. */
function nameOf(index: CarrierIndex, inn: string): string | null {
  for (const carrier of index.carriers) if (carrier.inn === inn) return carrier.operator;
  return findKnownCarrier(inn)?.name.ru ?? null;
}
