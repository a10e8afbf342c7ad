/** What the install kit is generated from: the app's configuration and one portal's settings, as plain data. */
export type KitFlavour = 'freepbx' | 'asterisk';

/**
 * How one line is dialled: `${pre}<number>${post}`; `endpoint` is the name the app's route answer and the dialplan use
 * for it (e.g. Beeline-GoIP), `device` the one whose state says whether it is there (PJSIP/Beeline-GoIP).
 */
export type LineDial = { endpoint: string; pre: string; post: string; device: string; template: string };

/** A line, with its name as people see it (comments only) and its SIMs' own templates (empty: the gateway picks). */
export type KitLine = LineDial & { label: string; simTemplates?: readonly string[] };

/** A desk phone whose department has its own lines: with the app down it leaves through `endpoint`. */
export type KitFallback = { extension: string; endpoint: string; department: string };

export type KitInput = {
  pbxName: string;
  ami: { user: string; secret: string };
  routeUrl: string;
  routeSecret: string;
  /** Where the PBX uploads finished recordings: PUBLIC_URL + /api/asterisk/recording. */
  recordingUrl: string;
  /** Bitrix24 member_id when the app serves several portals, else empty. */
  portal: string;
  lines: KitLine[];
  /** The portal's default line (endpoint), or empty when none is set. */
  defaultEndpoint: string;
  /** The portal's default line's dial template (the desk-phone drop-in's DEFAULT_DIAL), or empty. */
  defaultDial: string;
  fallbacks: KitFallback[];
  /** The product's desk-phone drop-in (lib/asterisk/dialplan/desk-phone-routing.conf), verbatim. */
  deskPhoneDropIn: string;
};
