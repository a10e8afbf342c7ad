/**
 * Known mobile carriers by ИНН (the registry spells names several ways; the ИНН is stable), with
 * Russian and English brand names and, for MVNOs, the host network when it is publicly
 * known (as of April 2026). This is seed data: the admin's
 * "carrier groups" page starts from `defaultCarrierGroups` and may change everything.
 */

export type CarrierKind =
  /** Own nationwide radio network. */
  | 'mno'
  /** Own network in one region (Urals, Crimea, new regions). */
  | 'regional'
  /** Virtual operator on someone else's radio network. */
  | 'mvno'
  /** Machine-to-machine numbers: not reachable by voice calls. */
  | 'm2m'
  | 'other';

/**
 * How we know the host network:
 * - own: the carrier runs its own network;
 * - reported: one secondary source says so (good enough for an editable default);
 * - unknown: not established — no host is suggested.
 */
export type HostEvidence = 'own' | 'reported' | 'unknown';

export type KnownCarrier = {
  readonly inn: string;
  readonly name: { readonly ru: string; readonly en: string };
  readonly kind: CarrierKind;
  /** ИНН of the network an MVNO runs on, only when the reference reports it; otherwise null. */
  readonly hostInn: string | null;
  readonly hostEvidence: HostEvidence;
  /** Operator id in the MNP (БДПН) files and HLR answers, e.g. "mMTS"; only ids seen in real files. */
  readonly mnpOwnerId: string | null;
  readonly note?: string;
};

const MTS = '7740000076';
const MEGAFON = '7812014560';
const BEELINE = '7713076301';
const T2 = '7743895280';

type Seed = [
  inn: string,
  ru: string,
  en: string,
  kind: CarrierKind,
  host: string | null,
  evidence: HostEvidence,
  mnp?: string,
  note?: string,
];

const seeds: readonly Seed[] = [
  [MTS, 'МТС', 'MTS', 'mno', null, 'own', 'mMTS'],
  [MEGAFON, 'МегаФон', 'MegaFon', 'mno', null, 'own', 'mMEGAFON'],
  [
    BEELINE,
    'Билайн',
    'Beeline',
    'mno',
    null,
    'own',
    'mBEELINE',
    'Registry name ПАО "ВЫМПЕЛКОМ" (2020: Вымпел-Коммуникации).',
  ],
  [T2, 'Т2', 'T2 (Tele2)', 'mno', null, 'own', 'mTELE2', 'Rostelecom group; hosts many MVNOs.'],
  [
    '7743200179',
    'Т-Мобайл',
    'T-Mobile (ex-Tinkoff Mobile)',
    'mvno',
    T2,
    'reported',
    undefined,
    'Registry name ООО "Т-МОБ".',
  ],
  [
    '7736264044',
    'СберМобайл',
    'SberMobile',
    'mvno',
    T2,
    'reported',
    undefined,
    'Registry name ООО "Сбербанк-Телеком".',
  ],
  ['7707049388', 'Ростелеком', 'Rostelecom', 'mvno', T2, 'reported'],
  [
    '7701725181',
    'Yota',
    'Yota',
    'mvno',
    MEGAFON,
    'reported',
    undefined,
    'Registry name ООО "Скартел"; MegaFon subsidiary.',
  ],
  ['9705121882', 'ВТБ Мобайл', 'VTB Mobile', 'mvno', null, 'unknown', undefined, 'Possibly on T2 (unverified).'],
  ['9725152215', 'Альфа-Мобайл', 'Alfa-Mobile', 'mvno', null, 'unknown'],
  ['7740000020', 'Газпром Телеком', 'Gazprom Telecom', 'mvno', null, 'unknown'],
  ['7705017253', 'МТТ', 'MTT', 'mvno', null, 'unknown', undefined, 'MVNO/MVNE; host varies.'],
  ['6661079603', 'Мотив', 'Motiv', 'regional', null, 'own', undefined, 'Urals; registry name ООО "ЕКАТЕРИНБУРГ-2000".'],
  ['7702527584', 'Миранда', 'Miranda', 'regional', null, 'own', undefined, 'Crimea and new regions.'],
  ['2308210371', 'К-Телеком (Win Mobile)', 'K-Telecom (Win Mobile)', 'regional', null, 'own', undefined, 'Crimea.'],
  ['9308013351', 'Феникс', 'Phoenix', 'regional', null, 'own', undefined, 'DNR state operator.'],
  ['9402011009', 'МКС', 'MKS', 'regional', null, 'own', undefined, 'LNR.'],
  ['7703383783', 'ГЛОНАСС', 'GLONASS', 'm2m', null, 'own', undefined, 'M2M numbers; exclude from voice routing.'],
  ['7707840631', 'СИМ Телеком', 'SIM Telecom', 'mvno', null, 'unknown'],
  ['7727443720', 'НМК', 'NMK', 'mvno', null, 'unknown'],
  ['7723635005', 'Глобал Телеком', 'Global Telecom', 'mvno', null, 'unknown'],
  ['1655327859', 'ТМТ', 'TMT', 'mvno', null, 'unknown'],
  ['7709219099', 'ТТК', 'TTK (TransTeleCom)', 'mvno', null, 'unknown'],
  ['7733808377', 'Интернод', 'Internod', 'mvno', null, 'unknown'],
  ['7723613650', 'Спринт', 'Sprint', 'mvno', null, 'unknown'],
  ['9725007063', 'Безлимит', 'Bezlimit', 'mvno', null, 'unknown'],
  ['9722028932', 'Мой оператор', 'Moy Operator', 'mvno', null, 'unknown'],
  ['9718174994', 'ВТК-Мобайл', 'VTK-Mobile', 'mvno', null, 'unknown'],
  ['7841482919', 'МиАТел', 'MiATel', 'mvno', null, 'unknown'],
  ['6163225548', 'Экспресс Мобайл', 'Express Mobile', 'mvno', null, 'unknown'],
  ['7710474375', 'Минцифры России', 'Ministry of Digital Development', 'other', null, 'unknown'],
];

export const knownCarriers: readonly KnownCarrier[] = Object.freeze(
  seeds.map(([inn, ru, en, kind, hostInn, hostEvidence, mnpOwnerId, note]) =>
    Object.freeze({
      inn,
      name: Object.freeze({ ru, en }),
      kind,
      hostInn,
      hostEvidence,
      mnpOwnerId: mnpOwnerId ?? null,
      ...(note ? { note } : {}),
    }),
  ),
);

const byInn = new Map(knownCarriers.map((carrier) => [carrier.inn, carrier]));
const byMnpOwnerId = new Map(
  knownCarriers
    .filter((carrier) => carrier.mnpOwnerId !== null)
    .map((carrier) => [carrier.mnpOwnerId!.toLowerCase(), carrier]),
);

export function findKnownCarrier(inn: string): KnownCarrier | null {
  return byInn.get(inn) ?? null;
}

/** MNP files and HLR APIs name the recipient by owner id ("mMTS"), not by ИНН. Case-insensitive. */
export function findCarrierByMnpOwnerId(ownerId: string): KnownCarrier | null {
  return byMnpOwnerId.get(ownerId.trim().toLowerCase()) ?? null;
}

export type CarrierGroupSuggestion = {
  readonly id: 'beeline' | 'megafon' | 'mts' | 't2';
  readonly name: { readonly ru: string; readonly en: string };
  /** The network the group's SIM cards are on. */
  readonly hostInn: string;
  /** Host first, then MVNOs reported to run on it. */
  readonly memberInns: readonly string[];
  /**
   * Always true: whether a call from a host SIM to an MVNO subscriber is billed as on-net depends
   * on the customer's tariff, so the admin must be able to move MVNOs in and out.
   */
  readonly editable: true;
};

/** The four groups the admin page proposes first; MVNOs are included only where a host is reported. */
export const defaultCarrierGroups: readonly CarrierGroupSuggestion[] = Object.freeze(
  (
    [
      ['beeline', BEELINE],
      ['megafon', MEGAFON],
      ['mts', MTS],
      ['t2', T2],
    ] as const
  ).map(([id, hostInn]) => {
    const host = byInn.get(hostInn)!;
    const guests = knownCarriers.filter((carrier) => carrier.hostInn === hostInn).map((carrier) => carrier.inn);
    return Object.freeze({
      id,
      name: host.name,
      hostInn,
      memberInns: Object.freeze([hostInn, ...guests]),
      editable: true as const,
    });
  }),
);
