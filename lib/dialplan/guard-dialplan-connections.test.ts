import { describe, expect, it } from 'vitest';
import { guardDialplanConnections, trustedDialplanAddresses } from './guard-dialplan-connections';

describe('guardDialplanConnections', () => {
  const options = { trusted: new Set(['127.0.0.1']), maxConnections: 6, reservedForTrusted: 2, maxPerAddress: 2 };

  it('caps each address from elsewhere, keeps the reserve for the PBX, and frees slots on release', () => {
    const guard = guardDialplanConnections(options);
    expect([guard.admit('10.0.0.1'), guard.admit('10.0.0.1'), guard.admit('10.0.0.1')]).toEqual([true, true, false]);
    expect([guard.admit('10.0.0.2'), guard.admit('10.0.0.2'), guard.admit('10.0.0.3')]).toEqual([true, true, false]);
    expect([guard.admit('127.0.0.1'), guard.admit('127.0.0.1'), guard.admit('127.0.0.1')]).toEqual([true, true, false]);
    guard.release('10.0.0.1');
    expect(guard.admit('127.0.0.1')).toBe(true);
    guard.release('127.0.0.1');
    expect(guard.admit('10.0.0.3')).toBe(true);
  });

  it('lets the PBX hold more than one address from elsewhere may', () => {
    const guard = guardDialplanConnections(options);
    expect([1, 2, 3, 4].map(() => guard.admit('127.0.0.1'))).toEqual([true, true, true, true]);
  });
});

describe('trustedDialplanAddresses', () => {
  it('is loopback plus the PBX hosts given as addresses, IPv4 also as IPv4-mapped', () => {
    const trusted = trustedDialplanAddresses(['10.1.2.3', 'pbx.example.org', '[fd00::1]']);
    expect(trusted).toEqual(
      new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.1.2.3', '::ffff:10.1.2.3', 'fd00::1']),
    );
  });
});
