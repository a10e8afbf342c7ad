import { describe, expect, it } from 'vitest';
import { summariseHealth } from './health-report';
import { redactHealthReport } from './redact-health-report';

describe('redactHealthReport', () => {
  it('keeps each verdict and drops where the PBX is and what it says', () => {
    const report = summariseHealth({
      database: { ok: true, kind: 'sqlite', latencyMs: 1, migrations: { applied: 3, pending: 0 } },
      ami: [
        {
          name: 'main',
          host: '10.0.0.5',
          port: 5038,
          ok: false,
          banner: 'Asterisk Call Manager/9.0',
          error: 'ECONNREFUSED 10.0.0.5',
        },
      ],
      registry: { ok: true, fileName: 'DEF-9xx.csv', rows: 10, sha256: 'ab' },
      portals: { ok: true, total: 2, installed: 1 },
    });
    const text = JSON.stringify(redactHealthReport(report));
    expect(text).not.toContain('10.0.0.5');
    expect(text).not.toContain('Asterisk');
    expect(text).not.toContain('DEF-9xx');
    expect(redactHealthReport(report)).toMatchObject({ status: 'degraded', ami: [{ name: 'main', ok: false }] });
  });
});
