import net from 'node:net';

/** Peers on this machine: they need no secret (see authorise-dialplan-peer.ts). */
export const LOOPBACK_ADDRESSES: ReadonlySet<string> = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export type GuardDialplanConnectionsOptions = {
  /** The PBX's own addresses: loopback and the configured PBX hosts (IP literals). */
  trusted: ReadonlySet<string>;
  /** All connections at once. */
  maxConnections: number;
  /** Of those, how many only trusted addresses may use: clients from elsewhere can never take the PBX's place. */
  reservedForTrusted: number;
  /** Per address that is not trusted. */
  maxPerAddress: number;
};

export type DialplanConnectionGuard = {
  /** True when a connection from `address` may be served now; every admitted connection must be released. */
  admit(address: string): boolean;
  release(address: string): void;
};

/**
 * How many connections the listener holds, and from whom. A slow client (a byte every few seconds) holds its slot
 * until the head deadline; a thousand of them from a few addresses would otherwise fill every slot, and every desk
 * phone would take the default trunk. A PBX's own requests take milliseconds, so it never needs many at once.
 */
export function guardDialplanConnections(options: GuardDialplanConnectionsOptions): DialplanConnectionGuard {
  const { trusted, maxConnections, reservedForTrusted, maxPerAddress } = options;
  const byAddress = new Map<string, number>();
  let total = 0;
  let untrusted = 0;
  return {
    admit(address) {
      if (total >= maxConnections) return false;
      const isTrusted = trusted.has(address);
      const held = byAddress.get(address) ?? 0;
      if (!isTrusted && (untrusted >= maxConnections - reservedForTrusted || held >= maxPerAddress)) return false;
      byAddress.set(address, held + 1);
      total += 1;
      if (!isTrusted) untrusted += 1;
      return true;
    },
    release(address) {
      const held = byAddress.get(address) ?? 0;
      if (held === 0) return;
      if (held === 1) byAddress.delete(address);
      else byAddress.set(address, held - 1);
      total -= 1;
      if (!trusted.has(address)) untrusted -= 1;
    },
  };
}

/** Loopback and the PBX hosts given as IP addresses, in the forms a socket reports them (IPv4 also IPv4-mapped). */
export function trustedDialplanAddresses(pbxHosts: readonly string[]): Set<string> {
  const addresses = new Set(LOOPBACK_ADDRESSES);
  for (const host of pbxHosts) {
    const ip = host.replace(/^\[|\]$/g, '');
    if (net.isIPv4(ip)) addresses.add(ip).add(`::ffff:${ip}`);
    else if (net.isIPv6(ip)) addresses.add(ip.toLowerCase());
  }
  return addresses;
}
