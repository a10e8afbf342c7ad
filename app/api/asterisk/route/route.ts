import { z } from 'zod';
import { readLiveSimLoad } from '@/lib/calls/read-live-sim-load';
import { answerDialplanRequest } from '@/lib/dialplan/answer-dialplan-request';

export const dynamic = 'force-dynamic';

const query = z.object({
  number: z.string().min(1).max(40),
  ext: z.string().max(20).optional(),
  line: z.string().max(50).optional(),
  portal: z.string().max(100).optional(),
  format: z.enum(['text', 'json']).optional(),
  lang: z.string().max(5).optional(),
  secret: z.string().max(200).optional(),
});

/** Asterisk asks which trunk a desk-phone call should leave through: GET ?number=…&ext=… (see lib/asterisk/dialplan). */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const parsed = query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return new Response('ERROR INVALID_INPUT', { status: 400 });
  const { format, secret, ...rest } = parsed.data;
  const json = format === 'json' || (request.headers.get('accept') ?? '').includes('application/json');
  const answer = await answerDialplanRequest({ ...rest, json, secret: request.headers.get('x-dialplan-secret') ?? secret, readSimLoad: readLiveSimLoad });
  return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': answer.contentType } });
}
