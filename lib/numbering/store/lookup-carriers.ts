import { getDb, type Db } from '../../db/client';
import { lookupCarrier, type CarrierLookup } from '../carrier';
import { getNumberingData } from './get-numbering-data';

const MAX_NUMBERS = 1_000;

export type LookupCarriersOptions = { text: string; db?: Db };

/** Many numbers at once (the admin pastes a column from a spreadsheet): one per line, or separated by ";" / ",". */
export async function lookupCarriers({ text, db = getDb() }: LookupCarriersOptions): Promise<CarrierLookup[]> {
  const numbers = text
    .split(/[\n;,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_NUMBERS);
  const data = await getNumberingData({ db });
  return numbers.map((number) => lookupCarrier(number, data));
}
