import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

/**
 * Prisma's schema engine compiled to WebAssembly, driven through a driver adapter. The CLI's native schema engine
 * is a binary download that this machine (and CI) cannot fetch; this one ships inside an npm package, so the
 * project can still let Prisma itself write migration SQL and diff schemas.
 *
 * The package is built for bundlers (`import wasm from "*.wasm"`), which Node cannot load: instantiate it here.
 */
type Glue = typeof import('@prisma/schema-engine-wasm') & { __wbg_set_wasm(exports: WebAssembly.Exports): void };

let glue: Promise<Glue> | undefined;

function loadGlue(): Promise<Glue> {
  return (glue ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = (await import(gluePath)) as Glue;
    const module = await WebAssembly.compile(readFileSync(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm')));
    const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': bindings as never });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return bindings;
  })());
}

export type CreateSchemaEngineOptions = {
  /** e.g. `new PrismaBetterSqlite3({ url: ':memory:' })` or `new PrismaPg({ connectionString })`. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** The engine's own log lines (JSON strings); silent by default. */
  onLog?: (line: string) => void;
};

export async function createSchemaEngine({
  adapter,
  onLog = () => {},
}: CreateSchemaEngineOptions): Promise<SchemaEngine> {
  const bindings = await loadGlue();
  // The engine calls the factory's methods unbound and expects Result-wrapped answers: the binder provides both.
  const bound = bindMigrationAwareSqlAdapterFactory(adapter);
  const engine = await bindings.SchemaEngine.new({ datamodels: undefined }, onLog, bound);
  return withDriverErrors(engine, bound.errorRegistry);
}

/** The engine reports a driver's error as "External error id#N": put the driver's own message back in. */
function withDriverErrors(
  engine: SchemaEngine,
  registry: { consumeError(id: number): { error: unknown } | undefined },
): SchemaEngine {
  return new Proxy(engine, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          const id = /External error id#(\d+)/.exec(String((error as Error)?.message))?.[1];
          const driverError = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
          if (driverError)
            (error as Error).message +=
              `\nDriver error: ${driverError instanceof Error ? driverError.message : JSON.stringify(driverError)}`;
          throw error;
        });
      };
    },
  });
}
