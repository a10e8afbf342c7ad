import { getConfig } from '../config/load-config';
import { AppError } from '../errors/app-error';
import { AmiManager, type AmiManagerOptions } from './ami-manager';

const holder = globalThis as typeof globalThis & { __amiManagers?: Map<string, AmiManager> };

/**
 * The process-wide AMI managers, one per configured PBX, created and started on first use. Kept on globalThis so
 * Next.js dev reloads and its several bundles of one server share one connection per PBX instead of multiplying them.
 */
export function getAmiManagers(
  options: Partial<Omit<AmiManagerOptions, 'pbx'>> & { start?: boolean } = {},
): Map<string, AmiManager> {
  if (!holder.__amiManagers) {
    const { start = true, ...managerOptions } = options;
    const managers = new Map<string, AmiManager>();
    for (const pbx of getConfig().pbxes) managers.set(pbx.name, new AmiManager({ ...managerOptions, pbx }));
    holder.__amiManagers = managers;
    // Several instances on PostgreSQL connect a PBX only while they own it (startCallTracking's leadership).
    if (start) for (const manager of managers.values()) manager.start();
  }
  return holder.__amiManagers;
}

/** The manager of one PBX (the only one when name is omitted and a single PBX is configured). */
export function getAmiManager(name?: string): AmiManager {
  const managers = getAmiManagers();
  const manager = name ? managers.get(name) : managers.size === 1 ? managers.values().next().value : undefined;
  if (!manager)
    throw new AppError(
      'NOT_FOUND',
      name ? `PBX "${name}" is not configured` : 'Name the PBX: several (or none) are configured',
    );
  return manager;
}

/** Whether managers exist, without creating them (health checks must not open connections as a side effect). */
export function peekAmiManagers(): Map<string, AmiManager> | undefined {
  return holder.__amiManagers;
}

/** Stops and forgets every manager (tests, CLI exit). */
export function stopAmiManagers(): void {
  for (const manager of holder.__amiManagers?.values() ?? []) manager.stop();
  holder.__amiManagers = undefined;
}
