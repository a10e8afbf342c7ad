import { redirectFrameLoad } from '@/lib/bitrix24/redirect-frame-load';

/**
 * Bitrix24 opens app pages and placements with a POST into the iframe. Pages can't answer POST
 * reliably in the App Router, so every handler URL we register is /b24/<page> and this route sends the browser on to
 * GET /<page> with the same query (LANG, DOMAIN, APP_SID survive; window.name survives the redirect for the SDK).
 */
type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { path } = await params;
  return redirectFrameLoad({ path, requestUrl: request.url });
}

export { handle as GET, handle as POST };
