import { discoverConnectedTrunks, proposeLines } from '@/lib/asterisk/discover';
import { withPortal } from '@/lib/http/with-portal';

export const dynamic = 'force-dynamic';

/** The setup wizard's first step, admins only: each PBX's trunks over AMI and a line proposed per carrier trunk. */
export const GET = withPortal({ access: 'admin-read' }, async () => {
  const pbxes = await discoverConnectedTrunks();
  return Response.json(
    { pbxes, proposals: proposeLines(pbxes.flatMap((pbx) => pbx.endpoints)) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
