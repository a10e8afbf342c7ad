import type { HealthReport } from './health-report';

/**
 * What monitoring may see without being an admin: each part's verdict, never where the PBX is (host, port, banner),
 * the registry's file or an error text that might name an internal address.
 */
export function redactHealthReport(report: HealthReport): HealthReport {
  return {
    status: report.status,
    checkedAt: report.checkedAt,
    database: { ok: report.database.ok } as HealthReport['database'],
    ami: report.ami.map((pbx) => ({
      name: pbx.name,
      host: '',
      port: 0,
      ok: pbx.ok,
      ...(pbx.lines ? { lines: pbx.lines } : {}),
    })),
    registry: { ok: report.registry.ok },
    portals: { ok: report.portals.ok, total: report.portals.total, installed: report.portals.installed },
    warnings: report.warnings,
  };
}
