import { getHealth } from '@/lib/health/get-health';

export const dynamic = 'force-dynamic';

/** Database, each PBX's AMI, the numbering registry and portals, as JSON. 503 only when the database is down. */
export async function GET(): Promise<Response> {
  const report = await getHealth();
  return Response.json(report, { status: report.status === 'down' ? 503 : 200, headers: { 'Cache-Control': 'no-store' } });
}
