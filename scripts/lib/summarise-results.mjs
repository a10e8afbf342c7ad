// Reads the lint step's exit code and the JSON reports of vitest (unit, integration) and Playwright, and prints one
// closing line "Tests: N passed, N failed, N skipped"; exits 1 if anything failed or a step produced no report.
// A failed lint step counts as one failure, so a run with formatting or lint errors never reads as green. The failed
// tests are named under their suite's line: a CI log is often read from its tail only.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const total = { passed: 0, failed: 0, skipped: 0 };
let missing = 0;

const lintFile = path.join(dir, 'lint.rc');
if (!existsSync(lintFile)) {
  console.log('  lint: no result (the step did not run)');
  missing++;
} else if (readFileSync(lintFile, 'utf8').trim() !== '0') {
  console.log('  lint: failed (Biome printed the problems above)');
  total.failed++;
} else console.log('  lint: passed');

for (const suite of ['unit', 'integration']) {
  const file = path.join(dir, `${suite}.json`);
  if (!existsSync(file)) {
    console.log(`  ${suite}: no report (the runner crashed)`);
    missing++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const failed = r.numFailedTests + filesFailedWithoutFailedTests(r);
  add(suite, r.numPassedTests, failed, r.numPendingTests + (r.numTodoTests ?? 0));
  for (const f of r.testResults) {
    const where = path.relative(process.cwd(), f.name);
    const tests = f.assertionResults.filter((a) => a.status === 'failed');
    if (f.status === 'failed' && !tests.length) name(`${where} (${firstLine(f.message) || 'did not load'})`);
    for (const t of tests) name(`${where} › ${t.fullName} (${firstLine(t.failureMessages?.[0])})`);
  }
}
const e2eFile = path.join(dir, 'e2e.json');
if (!existsSync(e2eFile)) {
  console.log('  e2e: no report (the runner crashed)');
  missing++;
} else {
  const report = JSON.parse(readFileSync(e2eFile, 'utf8'));
  const s = report.stats;
  add('e2e', s.expected + s.flaky, s.unexpected + (s.errors?.length ?? 0), s.skipped);
  for (const { title, spec } of failedSpecs(report.suites ?? [], []))
    name(`${spec.file ?? ''} › ${[...title, spec.title].join(' › ')}`);
  for (const error of report.errors ?? []) name(`(outside any test) ${firstLine(error.message)}`);
}

function* failedSpecs(suites, title) {
  for (const suite of suites) {
    const inner = suite.title && !suite.title.endsWith('.ts') ? [...title, suite.title] : title;
    for (const spec of suite.specs ?? []) if (spec.ok === false) yield { title: inner, spec };
    yield* failedSpecs(suite.suites ?? [], inner);
  }
}
function firstLine(text) {
  const colours = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'); // vitest's messages carry colour codes
  return String(text ?? '')
    .replace(colours, '')
    .split('\n')[0]
    .slice(0, 200);
}
function name(line) {
  console.log(`    failed: ${line}`);
}

// A test file that failed to load (or in a hook) counts as a failure even though no test in it failed.
function filesFailedWithoutFailedTests(r) {
  return r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'))
    .length;
}
function add(name, passed, failed, skipped) {
  console.log(`  ${name}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  total.passed += passed;
  total.failed += failed;
  total.skipped += skipped;
}

console.log(`Tests: ${total.passed} passed, ${total.failed + missing} failed, ${total.skipped} skipped`);
process.exit(total.failed + missing > 0 || total.passed === 0 ? 1 : 0);
