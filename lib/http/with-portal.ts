import type { z } from 'zod';
import { identifyFrameUser } from '../calls/card/identify-frame-user';
import { getConfig } from '../config/load-config';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { requestLang, type Lang } from '../i18n/lang';
import { isPortalOrigin } from '../portals/is-portal-origin';
import {
  AUTH_HEADER,
  resolveRequestPortal,
  type PortalAccess,
  type RequestPortal,
} from '../portals/resolve-request-portal';
import { checkOperatorAccess } from './check-operator-access';
import { checkRequestOrigin } from './check-request-origin';
import { errorResponse } from './error-response';
import { parseWithSchema } from './parse-with-schema';
import { readCappedBody } from './read-capped-body';

/**
 * Who may call a route: a portal access level (lib/portals), 'viewer' (the portal when the request carries a frame
 * session, else nobody in particular), 'public' (no portal at all), 'dialplan' (Asterisk: answers in text, proves
 * itself with the dialplan secret inside the handler, and is exempt from the browser checks), 'operator' (the
 * installation's operator, outside any portal: for data every portal shares, see check-operator-access.ts).
 */
export type EdgeAccess = PortalAccess | 'viewer' | 'public' | 'dialplan' | 'operator';

/** 'json' is parsed here; 'form' arrives as capped text; 'stream' is left to the handler (an upload). */
export type BodyKind = 'json' | 'form' | 'stream';

export type WithPortalOptions<A extends EdgeAccess, Q extends z.ZodType, B extends z.ZodType> = {
  access: A;
  query?: Q;
  body?: B;
  bodyKind?: BodyKind;
  /** Refused with 413 past this many bytes (declared or streamed). */
  maxBodyBytes?: number;
  /** Also name the Bitrix24 user behind a frame session (a non-admin sees only their own calls). */
  identifyUser?: boolean;
  /**
   * 'any' for the install frame only: Bitrix24 posts it from a portal that is not installed yet, so no Origin can be
   * known; it proves itself with the installing admin's token instead.
   */
  origin?: 'check' | 'any';
};

type PortalFor<A> = A extends PortalAccess ? RequestPortal : A extends 'viewer' ? RequestPortal | null : null;

export type EdgeContext<A extends EdgeAccess, Q extends z.ZodType, B extends z.ZodType> = {
  request: Request;
  portal: PortalFor<A>;
  query: z.infer<Q>;
  body: z.infer<B>;
  /** The raw body of a 'form' route. */
  text: string;
  lang: Lang;
  /** With `identifyUser`: a non-admin's Bitrix24 user id from their frame session; otherwise null. */
  b24UserId: number | null;
};

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every API route's edge: Host/Origin/Content-Type checks, the body size cap, the portal and access level, zod parsing
 * of the query and body, and one error answer in the reader's language. Route files pass their lib call as `handler`.
 */
export function withPortal<
  A extends EdgeAccess,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
>(
  options: WithPortalOptions<A, Q, B>,
  handler: (context: EdgeContext<A, Q, B>) => Promise<Response>,
): (request: Request) => Promise<Response> {
  const { access, bodyKind = 'json', maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  return async (request) => {
    const lang = requestLang(request);
    try {
      const changing = STATE_CHANGING.has(request.method);
      if (access !== 'dialplan') {
        await checkRequestOrigin(request, {
          publicUrl: getConfig().PUBLIC_URL,
          requireJson: changing && bodyKind === 'json',
          isPortalOrigin: async (origin) => options.origin === 'any' || (await isPortalOrigin({ origin })),
        });
      }
      // A declared size over the limit is refused before anything costs a REST call or a read.
      if (changing || bodyKind === 'stream') {
        checkDeclaredLength(request, bodyKind === 'stream' ? options.maxBodyBytes : maxBodyBytes);
      }
      const portal = await resolvePortal(request, access);
      const query = options.query
        ? parseWithSchema(options.query, Object.fromEntries(new URL(request.url).searchParams))
        : undefined;
      let text = '';
      let body: unknown;
      if (changing && bodyKind !== 'stream') {
        text = await readCappedBody(request, maxBodyBytes);
        if (bodyKind === 'json') body = parseJson(text);
        if (options.body) body = parseWithSchema(options.body, body);
      }
      const b24UserId =
        options.identifyUser && portal?.mode === 'portal' && !portal.isAdmin
          ? await identifyViewer(request, portal)
          : null;
      const context = { request, portal: portal as PortalFor<A>, query: query as z.infer<Q>, body: body as z.infer<B> };
      return await handler({ ...context, text, lang, b24UserId });
    } catch (error) {
      if (access === 'dialplan' && AppError.is(error))
        return new Response(`ERROR ${error.code}`, { status: error.status });
      return errorResponse(error, { context: `${request.method} ${new URL(request.url).pathname}`, lang });
    }
  };
}

async function resolvePortal(request: Request, access: EdgeAccess): Promise<RequestPortal | null> {
  if (access === 'public' || access === 'dialplan') return null;
  if (access === 'operator') {
    const config = getConfig();
    checkOperatorAccess(request, {
      bitrix24Configured: Boolean(config.B24_CLIENT_ID),
      operatorToken: config.OPERATOR_TOKEN,
    });
    return null;
  }
  if (access !== 'viewer') return resolveRequestPortal(request, { access });
  return resolveRequestPortal(request, { access: 'read' }).catch((error: unknown) => {
    if (AppError.is(error) && error.key === 'error.localReadRefused') return null;
    throw error;
  });
}

function checkDeclaredLength(request: Request, maxBytes: number | undefined): void {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (maxBytes !== undefined && Number.isFinite(declared) && declared > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'error.tooLarge', undefined, { limit: Math.ceil(maxBytes / 1024) });
  }
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('INVALID_INPUT', 'error.invalidInput');
  }
}

function identifyViewer(request: Request, portal: RequestPortal): Promise<number> {
  const accessToken = request.headers.get(AUTH_HEADER)?.trim() ?? '';
  return identifyFrameUser({ portalId: portal.portalId, accessToken, db: getDb() });
}
