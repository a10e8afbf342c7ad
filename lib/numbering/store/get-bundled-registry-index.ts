import path from 'node:path';
import { getConfig } from '../../config/load-config';
import { buildCarrierIndex, type CarrierIndex } from '../registry';
import { loadRegistryFile } from './load-registry-file';

const holder = globalThis as typeof globalThis & { __bundledRegistryIndex?: Promise<CarrierIndex> };

/**
 * The registry shipped with the app (REGISTRY_PATH), without a database: for what-if simulations and tools that must
 * not depend on what an admin imported. Routing reads the database's active versions (store/get-numbering-data.ts).
 */
export function getBundledRegistryIndex(): Promise<CarrierIndex> {
  holder.__bundledRegistryIndex ??= (async () => {
    // turbopackIgnore: the path comes from configuration at run time; tracing it would pull the whole project into the
    // build.
    const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), getConfig().REGISTRY_PATH);
    return buildCarrierIndex((await loadRegistryFile(file)).registry.ranges);
  })().catch((error: unknown) => {
    holder.__bundledRegistryIndex = undefined;
    throw error;
  });
  return holder.__bundledRegistryIndex;
}
