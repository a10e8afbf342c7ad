import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { loadIncomingCallSettings } from '@/lib/routing/settings/load-incoming-call-settings';
import { saveIncomingCallSettings } from '@/lib/routing/settings/save-incoming-call-settings';

export const dynamic = 'force-dynamic';

const body = z.object({ crmCreate: z.boolean() }).strict();

/** Whether incoming calls from numbers unknown to the CRM create a lead (admins only). */
export const GET = withPortal({ access: 'admin-read' }, async ({ portal }) => {
  const settings = await loadIncomingCallSettings({ db: getDb(), portalId: portal.portalId });
  return Response.json(settings, { headers: { 'Cache-Control': 'no-store' } });
});

export const PUT = withPortal({ access: 'write', body }, async ({ portal, body: settings }) => {
  return Response.json(await saveIncomingCallSettings({ db: getDb(), portalId: portal.portalId, settings }));
});
