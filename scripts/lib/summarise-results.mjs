// Reads the lint step's exit code and the JSON reports of vitest (unit, integration) and Playwright, and prints one
// closing line "Tests: N passed, N failed, N skipped"; exits 1 if anything failed or a step produced no report.
// A failed lint step counts as one failure, so a run with formatting or lint errors never reads as green.
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
}
const e2eFile = path.join(dir, 'e2e.json');
if (!existsSync(e2eFile)) {
  console.log('  e2e: no report (the runner crashed)');
  missing++;
} else {
  const s = JSON.parse(readFileSync(e2eFile, 'utf8')).stats;
  add('e2e', s.expected + s.flaky, s.unexpected + (s.errors?.length ?? 0), s.skipped);
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
