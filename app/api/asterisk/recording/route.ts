import { z } from 'zod';
import { receiveCallRecording } from '@/lib/calls/recording';
import { getConfig } from '@/lib/config/load-config';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';

export const dynamic = 'force-dynamic';

const query = z.object({ name: z.string().min(5).max(124) });
const MB = 1024 * 1024;
/** The edge refuses a declared size over the largest RECORDING_MAX_MB allowed; the configured cap applies inside. */
const MAX_UPLOAD_BYTES = 200 * MB;

/**
 * The PBX's post-recording command uploads a closed recording: POST ?name=<file> with the call's token in
 * X-B24-Recording-Token and the file as the body (lib/calls/recording, lib/asterisk/kit/b24-send-recording.sh).
 */
export const POST = withPortal(
  { access: 'dialplan', query, bodyKind: 'stream', maxBodyBytes: MAX_UPLOAD_BYTES },
  async ({ request, query: { name } }) => {
    const config = getConfig();
    const received = await receiveCallRecording({
      db: getDb(),
      token: request.headers.get('x-b24-recording-token') ?? '',
      fileName: name,
      body: request.body,
      maxBytes: config.RECORDING_MAX_MB * MB,
      timeoutMs: config.RECORDING_UPLOAD_SECONDS * 1000,
    });
    return new Response(`OK ${received.outcome}`, { status: 200, headers: { 'Content-Type': 'text/plain' } });
  },
);
