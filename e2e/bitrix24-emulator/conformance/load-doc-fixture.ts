/** Documentation samples stored in conformance/fixtures (`{doc, commit, sample}`) and the vendored specs' answers. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMethodSpec } from '../spec/load-method-spec';

export type DocFixture = { doc: string; commit: string; sample: Record<string, any> };

const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function loadDocFixture(name: string): DocFixture {
  return JSON.parse(readFileSync(path.join(FIXTURE_DIR, name), 'utf8')) as DocFixture;
}

/** The documented answer of a method: the spec's resultExample, else `<method>.response.json` here. */
export function documentedAnswer(method: string): DocFixture {
  const spec = loadMethodSpec(method);
  if (spec?.resultExample) {
    return { doc: spec.source.file, commit: 'see spec/SOURCE.md', sample: spec.resultExample as Record<string, any> };
  }
  return loadDocFixture(`${method}.response.json`);
}
