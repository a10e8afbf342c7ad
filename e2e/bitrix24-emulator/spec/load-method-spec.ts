/** The vendored method specs (spec/methods/*.json), by method name in any letter case. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodSpec } from './check-call-against-spec';

export const SPEC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'methods');

let specs: Map<string, MethodSpec> | undefined;

function readSpecs(): Map<string, MethodSpec> {
  const entries = readdirSync(SPEC_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(path.join(SPEC_DIR, file), 'utf8')) as MethodSpec);
  return new Map(entries.map((spec) => [spec.method.toLowerCase(), spec]));
}

/** `undefined` for methods the docs' spec does not describe (event.get, placement.bind, user.admin…). */
export function loadMethodSpec(method: string): MethodSpec | undefined {
  specs ??= readSpecs();
  return specs.get(method.replace(/\.json$/i, '').toLowerCase());
}

export function listMethodSpecs(): MethodSpec[] {
  specs ??= readSpecs();
  return [...specs.values()];
}
