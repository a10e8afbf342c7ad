import type { RoutingSettings } from '../routing/types';
import { priceCall } from './price-call';

export type PriceBaselineOptions = {
  talkSec: number;
  /** The client's carrier group id (null: landline, unknown carrier or a carrier in no group). */
  clientGroupId: string | null | undefined;
  settings: Pick<RoutingSettings, 'trunks' | 'defaultTrunkId'>;
};

/**
 * The same call as if every call went through the global default trunk — the "no carrier routing" world the
 * savings are measured against. It is on-net only when the client happens to be on the default trunk's carrier group.
 * No default trunk configured → null (there is no baseline to compare with).
 */
export function priceBaseline({ talkSec, clientGroupId, settings }: PriceBaselineOptions): number | null {
  const fallback = settings.trunks.find((t) => t.id === settings.defaultTrunkId);
  if (!fallback) return null;
  return priceCall({
    talkSec,
    onNet: !!clientGroupId && clientGroupId === fallback.carrierGroupId,
    tariff: fallback.tariff,
  });
}
