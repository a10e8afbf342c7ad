import { z } from 'zod';
import { readLiveSimLoad } from '@/lib/calls/read-live-sim-load';
import { answerDialplanRequest } from '@/lib/dialplan/answer-dialplan-request';
import { withPortal } from '@/lib/http/with-portal';

export const dynamic = 'force-dynamic';

/** The secret travels in the X-Dialplan-Secret header only: a query string ends up in access logs. */
const query = z.object({
  number: z.string().min(1).max(40),
  ext: z.string().max(20).optional(),
  line: z.string().max(50).optional(),
  portal: z.string().max(100).optional(),
  /** text: the line's endpoint; dial: the whole dial string (B24_DIAL); dials: it and the fallbacks, "^"-joined;
   * json: all of them, with the reasons; record: the call's recording upload token. */
  format: z.enum(['text', 'dial', 'dials', 'json', 'record']).optional(),
  /** format=record: the channel's Linkedid, the call the recording token is for. */
  call: z.string().max(100).optional(),
  lang: z.string().max(5).optional(),
});

/** Asterisk asks which trunk a desk-phone call leaves through: GET ?number=…&ext=… (see lib/asterisk/dialplan). */
export const GET = withPortal({ access: 'dialplan', query }, async ({ request, query: { format, call, ...rest } }) => {
  const json = format === 'json' || (request.headers.get('accept') ?? '').includes('application/json');
  const secret = request.headers.get('x-dialplan-secret');
  const dial = format === 'dial';
  const dials = format === 'dials';
  const record = format === 'record' ? { linkedId: call ?? '' } : undefined;
  const answer = await answerDialplanRequest({
    ...rest,
    json,
    dial,
    dials,
    record,
    secret,
    readSimLoad: readLiveSimLoad,
  });
  return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': answer.contentType } });
});
