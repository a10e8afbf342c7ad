import { z } from 'zod';
import { envSchema, pbxSchema, type Env, type PbxConfig } from './schema';
import { AppError } from '../errors/app-error';

export type AppConfig = Env & {
  database: { kind: 'sqlite'; file: string } | { kind: 'postgresql'; url: string };
  pbxes: PbxConfig[];
};

export type LoadConfigOptions = { env?: Record<string, string | undefined> };

/**
 * Validates the environment once. Any problem becomes one `AppError` whose message names the
 * variable, so start-up can print a single clear line instead of a stack trace.
 */
export function loadConfig({ env = process.env }: LoadConfigOptions = {}): AppConfig {
  // An empty variable means "not set": shells and .env files produce them easily.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  // Unset, the public address is where `npm run app` listens, so PORT alone moves both.
  cleaned.PUBLIC_URL ??= `http://localhost:${cleaned.PORT ?? 3000}`;
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) throw configError(parsed.error, cleaned);
  const values = parsed.data;
  return { ...values, database: parseDatabase(values.DATABASE_URL), pbxes: parsePbxes(values) };
}

function parseDatabase(url: string): AppConfig['database'] {
  return url.startsWith('file:') ? { kind: 'sqlite', file: url.slice('file:'.length) } : { kind: 'postgresql', url };
}

function parsePbxes(values: Env): PbxConfig[] {
  if (values.AMI_PBXES) {
    let raw: unknown;
    try {
      raw = JSON.parse(values.AMI_PBXES);
    } catch {
      throw new AppError('CONFIG_INVALID', 'AMI_PBXES: must be a JSON array of {name, host, port, user, secret}');
    }
    const list = z.array(pbxSchema).min(1).safeParse(raw);
    if (!list.success) throw configError(list.error, {}, 'AMI_PBXES');
    const names = new Set(list.data.map((p) => p.name));
    if (names.size !== list.data.length) throw new AppError('CONFIG_INVALID', 'AMI_PBXES: PBX names must be unique');
    return list.data;
  }
  if (!values.AMI_HOST) return [];
  const missing = (['AMI_USER', 'AMI_SECRET'] as const).filter((k) => !values[k]);
  if (missing.length) throw new AppError('CONFIG_INVALID', `${missing[0]}: required when AMI_HOST is set`);
  return [
    {
      name: values.AMI_PBX_NAME,
      host: values.AMI_HOST,
      port: values.AMI_PORT,
      user: values.AMI_USER!,
      secret: values.AMI_SECRET!,
      ...(values.AMI_ORIGINATE_CHANNEL && { originateChannel: values.AMI_ORIGINATE_CHANNEL }),
      ...(values.AMI_ORIGINATE_CONTEXT && { originateContext: values.AMI_ORIGINATE_CONTEXT }),
    },
  ];
}

function configError(error: z.ZodError, input: Record<string, unknown>, prefix?: string): AppError {
  const issue = error.issues[0]!;
  const path = issue.path.join('.');
  const name = prefix ? `${prefix}${path ? `[${path}]` : ''}` : path;
  const got = !prefix && typeof input[path] === 'string' ? ` (got "${String(input[path]).slice(0, 60)}")` : '';
  return new AppError('CONFIG_INVALID', `${name}: ${issue.message}${got}`);
}

let cached: AppConfig | undefined;
/** The process-wide configuration, validated on first use. */
export function getConfig(): AppConfig {
  return (cached ??= loadConfig());
}
