import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NUMBERING = path.join(ROOT, 'lib/numbering');
/** In layer order: a part imports only the faces of parts before it (tests may assemble any). */
const PARTS = ['phone', 'registry', 'ported', 'carrier', 'store'];
/** Faces that client components may import: nothing node-only may be reachable from them. */
const CLIENT_SAFE_FACES = ['phone', 'registry'];
const SKIPPED = new Set([
  'node_modules',
  '.next',
  '.next-freepbx',
  '.git',
  'generated',
  'test-results',
  'playwright-report',
]);
const IMPORT = new RegExp(
  [
    String.raw`(?:^|\n)\s*(import|export)(\s+type)?\b[^'";]*?from\s*['"]([^'"]+)['"]`,
    String.raw`import\s*\(\s*['"]([^'"]+)['"]`,
    String.raw`(?:^|\n)\s*import\s+['"]([^'"]+)['"]`,
  ].join('|'),
  'g',
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

type Import = { spec: string; target: string | null; typeOnly: boolean };

function importsOf(file: string): Import[] {
  const found: Import[] = [];
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const spec = match[3] ?? match[4] ?? match[5]!;
    const typeOnly = match[2] !== undefined;
    let target: string | null = null;
    if (spec.startsWith('.')) target = path.resolve(path.dirname(file), spec);
    else if (spec.startsWith('@/')) target = path.join(ROOT, spec.slice(2));
    found.push({ spec, target, typeOnly });
  }
  return found;
}

function resolveFile(target: string): string | null {
  for (const candidate of [`${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts')])
    if (existsSync(candidate)) return candidate;
  return null;
}

describe('lib/numbering faces', () => {
  it('is imported from other folders only through a part face (lib/numbering/<part>)', () => {
    const faces = new Set(PARTS.map((part) => path.join(NUMBERING, part)));
    const deep: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      if (file.startsWith(`${NUMBERING}/`)) continue;
      for (const { spec, target } of importsOf(file)) {
        if (target === null || !(target === NUMBERING || target.startsWith(`${NUMBERING}/`))) continue;
        if (!faces.has(target)) deep.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(deep).toEqual([]);
  });

  it('has parts that import only the faces of the parts below them, so no import circle runs between parts', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles(NUMBERING)) {
      if (/\.test\.ts$/.test(file) || file.includes(`${path.sep}testing${path.sep}`)) continue;
      const from = PARTS.indexOf(path.relative(NUMBERING, file).split(path.sep)[0]!);
      for (const { spec, target } of importsOf(file)) {
        if (target === null || !target.startsWith(`${NUMBERING}/`)) continue;
        const [part, ...rest] = path.relative(NUMBERING, target).split(path.sep);
        const to = PARTS.indexOf(part!);
        if (to === from) continue;
        if (to > from || rest.length > 0) wrong.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(CLIENT_SAFE_FACES)('reaches no node-only module from the %s face (client components import it)', (part) => {
    const reached: string[] = [];
    const seen = new Set<string>();
    const queue = [path.join(NUMBERING, part, 'index.ts')];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const { spec, target, typeOnly } of importsOf(file)) {
        if (typeOnly) continue;
        if (spec.startsWith('node:') || target?.includes(`${path.sep}db${path.sep}`) || target?.includes('/config/')) {
          reached.push(`${path.relative(ROOT, file)} imports ${spec}`);
        }
        const next = target && resolveFile(target);
        if (next) queue.push(next);
      }
    }
    expect(reached).toEqual([]);
  });
});
