export type RedirectFrameLoadOptions = { path: string[]; requestUrl: string };

const safeSegment = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * 303 See Other to the GET page. Only plain lowercase segments pass, so the Location can never become an open
 * redirect (`//evil.example`) or escape the app; anything else is a 404.
 */
export function redirectFrameLoad({ path, requestUrl }: RedirectFrameLoadOptions): Response {
  if (path.length === 0 || path.length > 4 || !path.every((segment) => safeSegment.test(segment))) {
    return new Response('Not found', { status: 404 });
  }
  const { search } = new URL(requestUrl);
  return new Response(null, {
    status: 303,
    headers: { Location: `/${path.join('/')}${search}`, 'Cache-Control': 'no-store' },
  });
}
