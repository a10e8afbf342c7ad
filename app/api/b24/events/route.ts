import { after } from 'next/server';
import { receiveB24Event } from '@/lib/bitrix24/events/receive-b24-event';
import { parseBracketBody } from '@/lib/bitrix24/parse-bracket-body';
import { withPortal } from '@/lib/http/with-portal';
import { log } from '@/lib/log/log';

/** Bitrix24 event handler URL (event.bind, ONAPPINSTALL callback): verify, answer at once, work after the reply. */
export const POST = withPortal({ access: 'public', bodyKind: 'form', maxBodyBytes: 256 * 1024 }, async ({ text }) => {
  const outcome = await receiveB24Event({ body: parseBracketBody(text) });
  const background = outcome.background;
  if (background) after(() => background().catch((error: unknown) => log.error('b24 event failed', { error })));
  return Response.json(outcome.body, { status: outcome.status, headers: { 'Cache-Control': 'no-store' } });
});
