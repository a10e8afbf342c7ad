import { describe, expect, it } from 'vitest';
import { summariseHealth } from './health-report';

const base = {
  database: { ok: true, kind: 'sqlite' as const },
  ami: [{ name: 'pbx', host: '127.0.0.1', port: 25038, ok: true }],
  registry: { ok: true, rows: 16628 },
  portals: { ok: true, total: 0, installed: 0 },
};

describe('summariseHealth', () => {
  it.each([
    ['all good', base, 'ok'],
    ['no PBX configured yet', { ...base, ami: [] }, 'ok'],
    ['database down', { ...base, database: { ok: false, kind: 'sqlite' as const } }, 'down'],
    [
      'database down wins over PBX down',
      { ...base, database: { ok: false, kind: 'sqlite' as const }, ami: [{ ...base.ami[0]!, ok: false }] },
      'down',
    ],
    [
      'one PBX down',
      { ...base, ami: [...base.ami, { name: 'spb', host: '127.0.0.2', port: 5038, ok: false }] },
      'degraded',
    ],
    ['registry missing', { ...base, registry: { ok: false } }, 'degraded'],
  ])('%s → %s', (_name, parts, status) => {
    expect(summariseHealth(parts).status).toBe(status);
  });

  it('warns, without changing the status, when several portals are installed and desk phones cannot tell which', () => {
    const two = summariseHealth({ ...base, portals: { ok: true, total: 3, installed: 2 } });
    expect(two.status).toBe('ok');
    expect(two.warnings).toEqual([expect.objectContaining({ code: 'AMBIGUOUS_ROUTING_PORTAL' })]);
    expect(summariseHealth({ ...base, portals: { ok: true, total: 2, installed: 1 } }).warnings).toEqual([]);
  });
});
