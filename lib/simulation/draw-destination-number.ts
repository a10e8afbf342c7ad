import type { CarrierIndex } from '../numbering/registry';
import { findKnownCarrier } from '../numbering/registry';
import { findRangeHolder } from '../numbering/registry';
import type { Random } from './create-random';

/** Shares of the destination mix that are not registry-drawn mobiles. */
export const LANDLINE_SHARE = 0.08;
export const UNREGISTERED_MOBILE_SHARE = 0.02;
const LANDLINE_CODES = ['495', '499', '812', '343', '383'];
const GAP_TRIES = 64;

export type NumberDrawer = (random: Random) => string;

/**
 * 'registry': the whole registry by capacity, plus landlines and unregistered mobiles (the default, a cold list).
 * 'subscribers': only mobiles of the carriers the given ИНН list holds, no landlines (a list of people on the big
 * networks).
 */
export type DestinationMix = { kind: 'registry' } | { kind: 'subscribers'; inns: ReadonlySet<string> };

/**
 * Builds a generator of clients' numbers like a call centre's list: mostly mobiles drawn from the registry weighted by
 * range capacity, M2M ranges left out (so each carrier appears in proportion to the numbers it holds), some landlines,
 * and a few mobiles that fall in no registry range (the "unknown carrier" case).
 */
export function createNumberDrawer(index: CarrierIndex, mix: DestinationMix = { kind: 'registry' }): NumberDrawer {
  const cumulative = new Float64Array(index.size);
  let total = 0;
  for (let row = 0; row < index.size; row += 1) {
    const inn = index.carriers[index.carrierIds[row]!]!.inn;
    // M2M ranges (meters, trackers) hold no person a call centre would phone.
    const wanted = findKnownCarrier(inn)?.kind !== 'm2m' && (mix.kind === 'registry' || mix.inns.has(inn));
    total += wanted ? index.ends[row]! - index.starts[row]! + 1 : 0;
    cumulative[row] = total;
  }
  const fromRegistry = (random: Random) => {
    const target = random.next() * total;
    let low = 0;
    let high = index.size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! <= target) low = middle + 1;
      else high = middle;
    }
    const start = index.starts[low]!;
    const span = index.ends[low]! - start + 1;
    return `7${start + Math.floor(random.next() * span)}`;
  };
  const subscriber = (random: Random) => String(Math.floor(random.next() * 1e7)).padStart(7, '0');
  const landline = (random: Random) => `7${random.pick(LANDLINE_CODES)}${subscriber(random)}`;
  const landlineShare = mix.kind === 'registry' ? LANDLINE_SHARE : 0;
  const unregisteredShare = mix.kind === 'registry' ? UNREGISTERED_MOBILE_SHARE : 0;
  return (random) => {
    const kind = random.next();
    if (kind < landlineShare) return landline(random);
    if (kind < landlineShare + unregisteredShare) {
      for (let attempt = 0; attempt < GAP_TRIES; attempt += 1) {
        const candidate = `79${String(Math.floor(random.next() * 100)).padStart(2, '0')}${subscriber(random)}`;
        if (!findRangeHolder(index, candidate)) return candidate;
      }
      return landline(random);
    }
    return fromRegistry(random);
  };
}
