import type { KitFlavour } from '../kit/kit-input';

/** What `pbx check` found on one PBX, raw: gathered over AMI (gather-pbx-facts.ts), judged by evaluate-pbx-facts.ts. */
export type PbxFacts = {
  login: { ok: true } | { ok: false; error: string };
  /** FreePBX when its macro-dialout-trunk is there; null when the dialplan could not be read. */
  flavour: KitFlavour | null;
  /** Whether the AMI user may run the action (false: "Permission denied"); null when not tried. */
  allowed: { originate: boolean | null; reporting: boolean | null };
  /** Which event classes the harmless probe call produced; null when it could not run (no kit, no originate). */
  events: { call: boolean; dialplan: boolean; user: boolean } | null;
  /** CURL() read from the PBX's side: a local file (func_curl itself) and the app's route URL. */
  curl: { file: string; route: string; routeError?: string };
  /** The kit's contexts the PBX lacks, and the stamp of the installed copy (null: none installed). */
  kit: { missing: string[]; stamp: string | null } | null;
  lines: Array<{ endpoint: string; device: string; state: string }>;
  /** hint: ExtensionState's Status (-1: no hint); device: DEVICE_STATE of the phone's own device. */
  users: Array<{ extension: string; name: string; hint: number | null; device: string }>;
};

export type CheckStatus = 'pass' | 'fail' | 'skip';

/** One line of the report: a check, what it was about, and how to fix it when it did not pass. */
export type PbxCheckResult = {
  pbx: string;
  check: string;
  subject?: string;
  status: CheckStatus;
  detail: string;
  hint?: { ru: string; en: string };
};

/** The kit contexts each flavour needs on the PBX. */
export const KIT_CONTEXTS: Record<KitFlavour, string[]> = {
  freepbx: [
    'b24-kit',
    'outbound',
    'macro-dialout-trunk-predial-hook',
    'b24-predial',
    'route-desk-call',
    'b24-record-call',
  ],
  asterisk: ['b24-kit', 'outbound', 'b24-dial-line', 'b24-desk-call', 'route-desk-call', 'b24-record-call'],
};
