import { AppError } from '../errors/app-error';

export type CheckRequestOriginOptions = {
  /** The app's PUBLIC_URL: its host is the one name the app answers to besides loopback. */
  publicUrl: string;
  /** The body must be JSON: a cross-site form or `text/plain` fetch cannot send that without a CORS preflight. */
  requireJson: boolean;
  /** An installed portal's own origin (the Bitrix24 pages that embed the app or post its events). */
  isPortalOrigin: (origin: string) => Promise<boolean>;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for localhost, 127.0.0.0/8 and ::1, with or without a port. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * Refuses what a hostile page could send through a viewer's browser: a Host other than PUBLIC_URL's or loopback (DNS
 * rebinding turns the attacker's name into our address, so the browser calls it "same origin"), a state-changing
 * request from a foreign Origin, and a state-changing body that is not JSON where JSON is expected.
 */
export async function checkRequestOrigin(request: Request, options: CheckRequestOriginOptions): Promise<void> {
  const host = (request.headers.get('host') ?? new URL(request.url).host).toLowerCase();
  const publicHost = new URL(options.publicUrl).host.toLowerCase();
  if (host !== publicHost && !isLoopbackHost(host)) throw new AppError('FORBIDDEN', 'error.foreignHost');
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  if (origin && !(await isAllowedOrigin(origin, host, options))) throw new AppError('FORBIDDEN', 'error.foreignOrigin');
  if (!options.requireJson) return;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'error.jsonRequired');
}

async function isAllowedOrigin(origin: string, host: string, options: CheckRequestOriginOptions): Promise<boolean> {
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  // The Host was checked above, so an Origin naming that same host is the app's own page.
  if (originHost === host || origin === new URL(options.publicUrl).origin) return true;
  return options.isPortalOrigin(origin);
}
