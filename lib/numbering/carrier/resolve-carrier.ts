import type { CarrierIndex } from '../registry';
import { findKnownCarrier } from '../registry';
import { carrierRowAt } from '../registry';
import { nationalBlockOf, nationalRestOf } from '../phone';
import { portedPositionAt, type PortedIndex, type PortedOwner } from '../ported';
import type { CarrierMatch, RangeRef } from '../registry';

/** A per-number decision made by an admin or learned from a call (e.g. an HLR answer). */
export type CarrierOverride = {
  readonly inn: string;
  /** Shown instead of a registry name, e.g. "Билайн (проверено вручную)". */
  readonly label?: string /** 'admin': set by hand; 'learned': a lookup service's answer, which expires. */;
  readonly source?: 'admin' | 'learned';
};

export type ResolveCarrierOptions = {
  /** Canonical number from `normalizePhoneNumber` ("79151234567"). */
  readonly e164: string;
  readonly index: CarrierIndex;
  /** Ported numbers (MNP); absent or null when no ported-number file was imported. */
  readonly ported?: PortedIndex | null;
  /** The calling portal's admin overrides: checked first, and only for that portal's calls. */
  readonly portalOverrides?: ReadonlyMap<string, CarrierOverride>;
  /** The learned overrides every portal shares (a lookup service's answers). */
  readonly overrides?: ReadonlyMap<string, CarrierOverride>;
};

export type ResolvedCarrier = {
  /** Which layer answered: override (the portal's admin one, else a learned one) > ported > registry. */
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
  /** The ported-number record of this number, whatever the source (an override may agree or not). */
  readonly portedTo: PortedOwner | null;
};

/**
 * Decides the carrier to route a call by. An override wins because it is a deliberate human or
 * measured decision; a ported-number record beats the registry because roughly 1 number in 12 has
 * moved carrier; the registry is the fallback. Null means "unknown: use the default trunk".
 *
 * Runs on every call and over whole contact lists, so the number is parsed once for both indexes and
 * the answers for the registry and ported layers are built once per (range, owner) and reused: those
 * paths allocate nothing. Only an override answer is a new object.
 */
export function resolveCarrier({
  e164,
  index,
  ported,
  portalOverrides,
  overrides,
}: ResolveCarrierOptions): ResolvedCarrier | null {
  const block = nationalBlockOf(e164);
  const rest = block < 0 ? 0 : nationalRestOf(e164);
  const position = block >= 0 && ported ? portedPositionAt(ported, block, rest) : -1;
  const row = block < 0 ? -1 : carrierRowAt(index, block, rest);
  const portedTo = position >= 0 ? ported!.owners[ported!.ownerSlots[position]!]! : null;
  const override = overrideOf(e164, portalOverrides) ?? overrideOf(e164, overrides);
  const answers = answersFor(index);
  if (override) {
    const rangeHolder = row < 0 ? null : index.matches[row]!;
    const operator = override.label ?? answers.nameOf(override.inn) ?? override.inn;
    return answer('override', override.inn, operator, rangeHolder, portedTo);
  }
  if (portedTo !== null) return answers.ported(portedTo, row);
  return row < 0 ? null : answers.registry(row);
}

function overrideOf(e164: string, overrides: ReadonlyMap<string, CarrierOverride> | undefined) {
  return overrides !== undefined && overrides.size > 0 ? overrides.get(e164) : undefined;
}

/**
 * Shared, frozen answers per carrier index. The last index used is remembered outside the WeakMap
 * because there is normally one index per process and an identity check is far cheaper than a WeakMap
 * lookup on every call; the WeakMap lets older indexes (replaced by an import) be collected.
 */
type Answers = {
  registry(row: number): ResolvedCarrier;
  ported(owner: PortedOwner, row: number): ResolvedCarrier;
  nameOf(inn: string): string | null;
};

const answersByIndex = new WeakMap<CarrierIndex, Answers>();
let lastIndex: CarrierIndex | null = null;
let lastAnswers: Answers | null = null;

function answersFor(index: CarrierIndex): Answers {
  if (index === lastIndex) return lastAnswers!;
  let answers = answersByIndex.get(index);
  if (!answers) {
    answers = createAnswers(index);
    answersByIndex.set(index, answers);
  }
  lastIndex = index;
  lastAnswers = answers;
  return answers;
}

function createAnswers(index: CarrierIndex): Answers {
  const registry: (ResolvedCarrier | undefined)[] = new Array(index.size);
  // Per owner, by row + 1 (slot 0: a ported number in a registry gap). Owners are the ported index's
  // own frozen objects, so a replaced ported index takes its answers with it.
  const ported = new WeakMap<PortedOwner, (ResolvedCarrier | undefined)[]>();
  const names = new Map<string, string | null>();
  const nameOf = (inn: string): string | null => {
    let name = names.get(inn);
    if (name === undefined) {
      name = firstRegistrySpelling(index, inn) ?? findKnownCarrier(inn)?.name.ru ?? null;
      names.set(inn, name);
    }
    return name;
  };
  return {
    registry(row) {
      let cached = registry[row];
      if (cached === undefined) {
        const match = index.matches[row]!;
        cached = registry[row] = Object.freeze(answer('registry', match.inn, match.operator, match, null));
      }
      return cached;
    },
    ported(owner, row) {
      let byRow = ported.get(owner);
      if (byRow === undefined) ported.set(owner, (byRow = new Array(index.size + 1)));
      let cached = byRow[row + 1];
      if (cached === undefined) {
        const operator = (owner.inn !== null ? nameOf(owner.inn) : null) ?? owner.ownerId;
        cached = byRow[row + 1] = Object.freeze(
          answer('ported', owner.inn, operator, row < 0 ? null : index.matches[row]!, owner),
        );
      }
      return cached;
    },
    nameOf,
  };
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
  portedTo: PortedOwner | null,
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

/** First registry spelling for the ИНН (the index has ~90 of them). */
function firstRegistrySpelling(index: CarrierIndex, inn: string): string | null {
  for (const carrier of index.carriers) if (carrier.inn === inn) return carrier.operator;
  return null;
}
