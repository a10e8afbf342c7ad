import { getHealth } from '@/lib/health/get-health';
import { redactHealthReport } from '@/lib/health/redact-health-report';
import { withPortal } from '@/lib/http/with-portal';

export const dynamic = 'force-dynamic';

/**
 * Database, each PBX's AMI, the numbering registry and portals, as JSON; 503 only when the database is down. The
 * details (PBX address, banner, errors) only for a portal admin or in an installation without app keys — behind
 * Next.js the peer's address cannot be proven, so "loopback" is not a test here.
 */
export const GET = withPortal({ access: 'viewer' }, async ({ portal }) => {
  const full = await getHealth();
  const report = portal?.isAdmin ? full : redactHealthReport(full);
  return Response.json(report, {
    status: report.status === 'down' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
});
