import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of lib, read from the source: a lower folder never imports a higher one back. The routing decision
 * knows nothing of calls; Bitrix24's event handlers reach the PBX only through lib/calls; portal identity is below
 * the Bitrix24 integration; the request edge (lib/http) and the dialplan process (lib/dialplan) sit on top.
 * Import circles anywhere are refused by the linter (Biome's noImportCycles).
 */
const ROOT = resolve(import.meta.dirname, '..');
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(folder: string): string[] {
  return (
    readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      // Test support (testing/) drives the whole app on purpose; the rules are for the code the app runs.
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !/generated|testing/.test(file))
      .map((file) => join(folder, file))
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => `${relative(ROOT, resolve(ROOT, dirname(file), match[1]!))}.ts`);
}

const offending = (from: string, to: string) =>
  sourceFiles(from).flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith(to))
      .map((target) => `${file} → ${target}`),
  );

const LIB_FOLDERS = readdirSync(join(ROOT, 'lib'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `lib/${entry.name}`);

describe('import layers of lib', () => {
  it.each([
    ['lib/routing', 'lib/calls/'],
    ['lib/bitrix24', 'lib/routing/'],
    ['lib/calls', 'lib/bitrix24/events/'],
    ['lib/portals', 'lib/bitrix24/'],
  ])('%s does not import %s', (from, to) => expect(offending(from, to)).toEqual([]));

  it.each([['lib/http/'], ['lib/dialplan/']])('nothing below imports %s', (top) => {
    const below = LIB_FOLDERS.filter((folder) => !`${folder}/`.startsWith(top) && folder !== 'lib/http');
    expect(below.flatMap((folder) => offending(folder, top))).toEqual([]);
  });
});
