import type { PbxEndpoint, ProposedCarrier, ProposedLine } from './types';

/** Full brand spellings, found anywhere in a name; short ones only as a whole word (`bee`, `mf`, `mts2`). */
const BRANDS: Array<{ carrier: ProposedCarrier; anywhere: RegExp; word: RegExp; ru: string }> = [
  { carrier: 'beeline', anywhere: /beeline|билайн|vimpelcom/, word: /^(bee|bln|бил)\d*$/, ru: 'Билайн' },
  { carrier: 'megafon', anywhere: /megafon|мегафон/, word: /^(mf|мф|mgf)\d*$/, ru: 'МегаФон' },
  { carrier: 'mts', anywhere: /мтс/, word: /^(mts|мтс)\d*$/, ru: 'МТС' },
  { carrier: 't2', anywhere: /tele2|теле2/, word: /^(t2|т2)(_?\d+)?$/, ru: 'T2' },
];

/** The carrier a trunk's name says, or null: case-insensitive, words split on `-`, `_`, `.`, spaces. */
export function carrierOfName(name: string): ProposedCarrier | null {
  const lower = name.toLowerCase();
  const words = lower.split(/[-_.\s@:~!]+/).filter(Boolean);
  return BRANDS.find((b) => b.anywhere.test(lower) || words.some((w) => b.word.test(w)))?.carrier ?? null;
}

/** The line's dial template in the endpoint's own technology (checkDialTemplate accepts each). */
export function dialTemplateOf({ technology, name }: PbxEndpoint): string {
  return technology === 'PJSIP' ? `PJSIP/{number}@${name}` : `${technology}/${name}/{number}`;
}

/**
 * One line per trunk whose name names a carrier, in the PBX's order, named after the carrier ("МТС", then "МТС-2"
 * for a second MTS trunk). Trunks with no carrier in their name (HR1-GoIP) are left to the admin.
 */
export function proposeLines(endpoints: readonly PbxEndpoint[]): ProposedLine[] {
  const seen = new Map<ProposedCarrier, number>();
  const lines: ProposedLine[] = [];
  for (const endpoint of endpoints) {
    const carrier = carrierOfName(endpoint.name);
    if (!carrier) continue;
    const count = (seen.get(carrier) ?? 0) + 1;
    seen.set(carrier, count);
    const brand = BRANDS.find((b) => b.carrier === carrier)!.ru;
    lines.push({ endpoint, carrier, name: count === 1 ? brand : `${brand}-${count}`, dial: dialTemplateOf(endpoint) });
  }
  return lines;
}
