import path from 'node:path';
import { getConfig } from '../config/load-config';
import { buildCarrierIndex, type CarrierIndex } from './build-carrier-index';
import { loadRegistryFile, type RegistryVersion } from './load-registry-file';

export type ActiveRegistry = { index: CarrierIndex; version: RegistryVersion };

const holder = globalThis as typeof globalThis & { __activeRegistry?: Promise<ActiveRegistry> };

/**
 * The registry every lookup in this process uses, loaded once from REGISTRY_PATH (the bundled file by default) and
 * kept on globalThis so Next.js's several module copies share one index. A failed load is not cached: the next call
 * tries again, and the health report shows the reason meanwhile.
 */
export function getActiveRegistry(): Promise<ActiveRegistry> {
  holder.__activeRegistry ??= loadActiveRegistry().catch((error: unknown) => {
    holder.__activeRegistry = undefined;
    throw error;
  });
  return holder.__activeRegistry;
}

async function loadActiveRegistry(): Promise<ActiveRegistry> {
  // turbopackIgnore: the path comes from configuration at run time; tracing it would pull the whole project into the build.
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), getConfig().REGISTRY_PATH);
  const { registry, version } = await loadRegistryFile(file);
  return { index: buildCarrierIndex(registry.ranges), version };
}

/** Swap in a newly validated registry (admin upload): lookups switch atomically, the old index stays live until then. */
export function setActiveRegistry(registry: ActiveRegistry): void {
  holder.__activeRegistry = Promise.resolve(registry);
}
