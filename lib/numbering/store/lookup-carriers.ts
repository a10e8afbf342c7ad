import { getDb, type Db } from '../../db/client';
import { lookupCarrier, type CarrierLookup } from '../carrier';
import { getNumberingData } from './get-numbering-data';
import { loadPortalOverrides } from './load-portal-overrides';

const MAX_NUMBERS = 1_000;

/** `portalId`: answer as that portal's calls route (its admin overrides first); without it, for no portal. */
export type LookupCarriersOptions = { text: string; portalId?: number; db?: Db };

/** Many numbers at once (the admin pastes a column from a spreadsheet): one per line, or separated by ";" / ",". */
export async function lookupCarriers({
  text,
  portalId,
  db = getDb(),
}: LookupCarriersOptions): Promise<CarrierLookup[]> {
  const numbers = text
    .split(/[\n;,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_NUMBERS);
  const [data, portalOverrides] = await Promise.all([
    getNumberingData({ db }),
    portalId === undefined ? undefined : loadPortalOverrides({ db, portalId }),
  ]);
  return numbers.map((number) => lookupCarrier(number, { ...data, portalOverrides }));
}
