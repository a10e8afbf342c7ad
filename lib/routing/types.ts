/**
 * The routing policy's inputs, as plain data (mapped from the database by the edge that loads them).
 * Ids are strings so the same shapes serve SQLite, PostgreSQL and tests.
 */

/** Per-SIM limits a GSM gateway SIM must stay within to avoid being blocked by its carrier. `null` = no limit. */
export type SimCaps = {
  callsPerDay: number | null;
  minutesPerDay: number | null;
  minutesPerMonth: number | null;
  minGapSeconds: number | null;
};

export type Trunk = {
  id: string;
  /** Shown in Bitrix24's call card as the external line's name, e.g. "МТС-1". */
  name: string;
  /** The Bitrix24 external line NUMBER the manager picks (LINE_NUMBER in ONEXTERNALCALLSTART). */
  lineNumber: string;
  /** Dial template, `{number}` standing for the client's number: "PJSIP/{number}@gw_mts" (checkDialTemplate). */
  dial: string;
  carrierGroupId: string;
  /** Number of SIMs = parallel channels. */
  channels: number;
  /**
   * Each SIM's own dial template, index = SIM slot (a per-SIM prefix on GoIP/Dinstar `PJSIP/1#{number}@goip`, an
   * endpoint per SIM, `Dongle/dongle0/{number}`): the SIM the decision picks is the SIM that dials. Empty or absent:
   * the gateway picks the port itself, and the SIM slot is the app's bookkeeping only.
   */
  simDials?: readonly string[];
  /** SIM slots out of rotation (blocked by the carrier, see lib/sim-health) until an admin enables them again. */
  disabledSims?: readonly number[];
  caps: SimCaps;
  /** Per-minute tariffs in kopecks: to the same carrier group (on-net) and to anyone else (off-net). */
  tariff: { onNetKopecks: number; offNetKopecks: number };
  enabled: boolean;
  /** Bitrix24 user rung for a CRM-form callback on this line when the CRM client has no responsible person. */
  callbackUserId?: string | null;
};

/** A named set of ИНН that the carriers treat as one network for pricing (a carrier and its MVNOs). */
export type CarrierGroup = { id: string; name: string; inns: string[] };

export type ProfileKind = 'sales' | 'hr' | 'other';

export type DepartmentProfile = {
  id: string;
  kind: ProfileKind;
  name: string;
  /** Bitrix24 department ids whose members use this profile. */
  departmentIds: string[];
  /** Trunks the profile may call through. For HR: exactly its two numbers' trunks. */
  allowedTrunkIds: string[];
  defaultTrunkId: string;
};

/** When a SIM is taken out of rotation: lib/routing/sim-health-defaults.ts documents the defaults. */
export type SimHealthThresholds = { failuresInRow: number; shortCallsInRow: number; shortCallSeconds: number };

export type RoutingSettings = {
  trunks: Trunk[];
  carrierGroups: CarrierGroup[];
  profiles: DepartmentProfile[];
  defaultTrunkId: string;
  /** Absent in documents from before the setting: the defaults apply. */
  simHealth?: SimHealthThresholds;
};

/** Who is calling: the Bitrix24 user's departments (cached) and extension. */
export type Caller = { extension?: string; userId?: string; departmentIds: string[] };

/** Live and accumulated use of one SIM (from the AMI bridge and the journal). */
export type SimUsage = {
  busy: boolean;
  callsToday: number;
  secondsToday: number;
  secondsThisMonth: number;
  /** Epoch ms of the last call's end on this SIM, for the minimum gap between calls. */
  lastCallEndedAt: number | null;
};

/** Usage per trunk id, one entry per SIM index (missing entries = an unused SIM). */
export type UsageByTrunk = Record<string, SimUsage[] | undefined>;
/** Busy channels per trunk id when only a count is known (live AMI channels). */
export type OccupancyByTrunk = Record<string, number | undefined>;
/** SIM slots per trunk id held by decisions whose call has not shown up yet (see sim-reservations.ts). */
export type ReservedByTrunk = Record<string, readonly number[] | undefined>;

/** Where a carrier came from, best first: an admin's override, the ported-numbers base, the registry. */
export type CarrierSource = 'override' | 'ported' | 'registry';
export type ResolvedCarrier = {
  inn: string;
  source: CarrierSource;
  operator?: string;
  range?: { def: string; from: string; to: string };
};
