import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering the outgoing-call use case relies on, read from the source: Bitrix24's event handlers reach the PBX
 * only through lib/calls, so lib/bitrix24 never imports lib/routing and lib/calls never imports the event handlers;
 * and lib/calls has no import circles (originate takes its AMI manager and tracking as arguments for that reason).
 */
const ROOT = resolve(import.meta.dirname, '../..');
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

describe('import layers around the outgoing-call use case', () => {
  it('lib/bitrix24 does not import lib/routing', () => expect(offending('lib/bitrix24', 'lib/routing/')).toEqual([]));
  it('lib/calls does not import lib/bitrix24/events', () =>
    expect(offending('lib/calls', 'lib/bitrix24/events/')).toEqual([]));

  it('lib/calls has no import circles', () => {
    const files = new Set(sourceFiles('lib/calls'));
    const edges = new Map([...files].map((file) => [file, importsOf(file).filter((target) => files.has(target))]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') return void circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      state.set(file, 'open');
      for (const target of edges.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });
});
