import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { loadRecordingSettings } from '@/lib/routing/settings/load-recording-settings';
import { saveRecordingSettings } from '@/lib/routing/settings/save-recording-settings';

export const dynamic = 'force-dynamic';

const body = z.object({ recordingEnabled: z.boolean() }).strict();

/** Whether the PBX records the calls that go into the CRM (admins only). */
export const GET = withPortal({ access: 'admin-read' }, async ({ portal }) => {
  const settings = await loadRecordingSettings({ db: getDb(), portalId: portal.portalId });
  return Response.json(settings, { headers: { 'Cache-Control': 'no-store' } });
});

export const PUT = withPortal({ access: 'write', body }, async ({ portal, body: settings }) => {
  return Response.json(await saveRecordingSettings({ db: getDb(), portalId: portal.portalId, settings }));
});
