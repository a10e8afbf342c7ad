import { z } from 'zod';
import { currentLiveChannels } from '@/lib/calls/current-live-channels';
import { answerIncomingRequest } from '@/lib/dialplan/answer-incoming-request';
import { withPortal } from '@/lib/http/with-portal';

export const dynamic = 'force-dynamic';

const query = z.object({ number: z.string().min(1).max(40), portal: z.string().max(100).optional() });

/** Asterisk asks who takes an incoming call first: GET ?number=<caller> → an extension or `queue` (lib/dialplan). */
export const GET = withPortal({ access: 'dialplan', query }, async ({ request, query: { number, portal } }) => {
  const answer = await answerIncomingRequest({
    number,
    portal,
    secret: request.headers.get('x-dialplan-secret'),
    readBusyExtensions: () => currentLiveChannels().busyExtensions ?? [],
  });
  return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': answer.contentType } });
});
