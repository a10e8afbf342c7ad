import type { Trunk } from '../routing/types';

export type PriceCallOptions = {
  /** Seconds of conversation (answer → hang-up); ringing is free. */
  talkSec: number;
  onNet: boolean;
  tariff: Trunk['tariff'];
};

const SECONDS_PER_MINUTE = 60;

/**
 * What one call costs in kopecks. Rounding: every started minute is billed in full (ceil), as Russian mobile
 * carriers bill SIM tariffs; an unanswered call (0 s of talk) costs nothing.
 */
export function priceCall({ talkSec, onNet, tariff }: PriceCallOptions): number {
  if (!(talkSec > 0)) return 0;
  const minutes = Math.ceil(talkSec / SECONDS_PER_MINUTE);
  return minutes * (onNet ? tariff.onNetKopecks : tariff.offNetKopecks);
}
