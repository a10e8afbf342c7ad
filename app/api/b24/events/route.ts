import { after } from 'next/server';
import { receiveB24Event } from '@/lib/bitrix24/events/receive-b24-event';
import { parseBracketBody } from '@/lib/bitrix24/parse-bracket-body';

/** Bitrix24 event handler URL (event.bind, ONAPPINSTALL callback): verify, answer at once, work after the reply. */
const MAX_BODY_CHARS = 256 * 1024;

export async function POST(request: Request): Promise<Response> {
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return Response.json({ error: 'TOO_LARGE' }, { status: 413 });
  const outcome = await receiveB24Event({ body: parseBracketBody(text) });
  const background = outcome.background;
  if (background) after(() => background().catch((error: unknown) => console.error('[b24 event]', error)));
  return Response.json(outcome.body, { status: outcome.status, headers: { 'Cache-Control': 'no-store' } });
}
