import { z } from 'zod';

/**
 * Every setting the app reads from the environment, with the embedded-mode defaults.
 * The app must start with no variables at all (SQLite in ./data, bundled registry, no PBX yet),
 * so only values that cannot have a safe default are optional.
 */

const port = z.coerce.number().int().min(1).max(65535);

/**
 * Click-to-call's first leg, the manager's phone: `PJSIP/{ext}` (default), `SIP/{ext}`, or FreePBX's
 * `Local/{ext}@from-internal` (keeps the user's DND, follow-me and caller ID). One `{ext}`, dial-string characters
 * only: it goes into Originate's Channel header.
 */
export const originateChannel = z
  .string()
  .regex(
    /^(?:PJSIP|SIP|IAX2|Local)\/[A-Za-z0-9_.@:/-]*\{ext\}[A-Za-z0-9_.@:/-]*$/,
    'PJSIP/{ext}, SIP/{ext} or Local/{ext}@from-internal: one {ext}, letters, digits, _ . @ : / -',
  );
/** Where the answered manager's channel goes on to dial the client: `outbound` (drop-in) or FreePBX's from-internal. */
export const originateContext = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'a dialplan context: letters, digits, _ -');

export const pbxSchema = z.object({
  name: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'lowercase letters, digits, "_" or "-" (1–32)'),
  host: z.string().min(1),
  port,
  user: z.string().min(1),
  secret: z.string().min(1),
  originateChannel: originateChannel.optional(),
  originateContext: originateContext.optional(),
});
export type PbxConfig = z.infer<typeof pbxSchema>;

const optionalSecret = z
  .string()
  .min(16, 'must be at least 16 characters')
  .optional()
  .or(z.literal('').transform(() => undefined));

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** `file:<path>` → SQLite (embedded default); `postgres://` / `postgresql://` → PostgreSQL. */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
    .default('file:./data/app.db'),
  /** Where Bitrix24 and Asterisk reach this app (event handlers, placement URLs). */
  PUBLIC_URL: z
    .url({ message: 'must be an absolute URL, e.g. https://calls.example.com' })
    .default('http://localhost:3000'),
  /** Bundled copy of the state numbering registry (DEF 9xx); an admin can upload newer ones. */
  REGISTRY_PATH: z.string().min(1).default('data/registry/DEF-9xx.csv'),
  /**
   * Scheduled registry refresh from its publisher (comma-separated URLs, or "off"). Without internet each attempt fails
   * with a clear message on the Registry page and the registry in use stays.
   */
  REGISTRY_DOWNLOAD_URLS: z.string().default('https://opendata.digital.gov.ru/downloads/DEF-9xx.csv'),
  REGISTRY_DOWNLOAD_EVERY_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 31)
    .default(24),
  /**
   * The most one registry or MNP import reads, in MiB (the national Port_All is ~1 GB: raise it for that file). Past it
   * the import stops reading and is refused, so a huge upload never fills the server's memory.
   */
  NUMBERING_UPLOAD_MAX_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(16 * 1024)
    .default(200),
  /**
   * Optional HLR/MNP lookup service (Exolve-style: POST {"number"} → {"owner_id"}); its answers are remembered as
   * learned overrides for CARRIER_LOOKUP_TTL_HOURS and never awaited on the call path.
   */
  CARRIER_LOOKUP_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CARRIER_LOOKUP_TOKEN: z.string().optional(),
  CARRIER_LOOKUP_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .default(7 * 24),
  /** One PBX: the common case. */
  AMI_HOST: z.string().min(1).optional(),
  AMI_PORT: port.default(5038),
  AMI_USER: z.string().min(1).optional(),
  AMI_SECRET: z.string().min(1).optional(),
  AMI_PBX_NAME: z.string().default('main'),
  /** Click-to-call on this PBX: the manager's channel and the context the client is dialled from (see pbxSchema). */
  AMI_ORIGINATE_CHANNEL: originateChannel.optional(),
  AMI_ORIGINATE_CONTEXT: originateContext.optional(),
  /**
   * Several PBXes (one per office): a JSON array of {name, host, port, user, secret[, originateChannel,
   * originateContext]}; wins over AMI_HOST.
   */
  AMI_PBXES: z.string().optional(),
  /** Marketplace app keys; without them the app runs standalone (no portal can be installed). */
  B24_CLIENT_ID: z.string().min(1).optional(),
  B24_CLIENT_SECRET: z.string().min(1).optional(),
  /** OAuth server for token refresh; the test emulator overrides it. */
  B24_OAUTH_URL: z.url().default('https://oauth.bitrix24.tech'),
  /** Shared secret Asterisk's dialplan sends to /api/asterisk/route; without it only loopback may ask. */
  DIALPLAN_SECRET: optionalSecret,
  /**
   * Signs the per-call tokens the PBX uploads recordings with (lib/calls/recording). Unset: derived from
   * B24_CLIENT_SECRET (else DIALPLAN_SECRET); set it when several app instances share the PBX and those differ.
   */
  RECORDING_SECRET: optionalSecret,
  /** The most one uploaded recording may weigh, and how long its upload may take. */
  RECORDING_MAX_MB: z.coerce.number().int().min(1).max(200).default(50),
  RECORDING_UPLOAD_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
  /** After a recorded call ends, how long the app waits for its file before the journal says it is missing. */
  RECORDING_WAIT_MINUTES: z.coerce.number().min(0.05).max(1440).default(10),
  /**
   * The installation operator's token: with Bitrix24 app keys set, a registry or MNP upload over the web (data every
   * portal routes by) needs it in an X-Operator-Token header. Unset, only `npm run numbering -- import` imports then.
   */
  OPERATOR_TOKEN: optionalSecret,
  /**
   * A small HTTP listener, apart from Next.js, that answers the dialplan's route requests (same path and answers as
   * /api/asterisk/route). Next.js costs ~5 ms per request here; the dialplan waits on every desk-phone call.
   * host:port, or "off". Loopback peers need no secret; others need DIALPLAN_SECRET.
   */
  DIALPLAN_LISTEN: z
    .string()
    .regex(/^(off|[0-9a-zA-Z.:[\]-]+:\d{1,5})$/, 'must be host:port (e.g. 127.0.0.1:3001) or off')
    .default('127.0.0.1:3001'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
export type Env = z.infer<typeof envSchema>;
