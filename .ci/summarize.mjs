// Reads the JSON reports the test runners wrote and prints `Tests: N passed, M failed`.
// A missing or unreadable report counts as a failure: a runner that never reported did not pass.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'test-results';
const reports = [
  { file: 'vitest.json', read: (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0) }) },
  // Playwright: expected = passed, unexpected = failed, flaky = passed on retry; errors outside tests count as failures.
  { file: 'playwright.json', read: (r) => ({ passed: (r.stats.expected ?? 0) + (r.stats.flaky ?? 0), failed: (r.stats.unexpected ?? 0) + (r.errors?.length ?? 0) }) },
];
let passed = 0;
let failed = 0;
const skipped = [];
for (const { file, read } of reports) {
  const full = path.join(dir, file);
  try {
    const report = JSON.parse(fs.readFileSync(full, 'utf8'));
    const counts = read(report);
    if (file === 'playwright.json') skipped.push(...skippedTests(report));
    passed += counts.passed;
    failed += counts.failed;
  } catch (error) {
    console.error(`no readable report ${full}: ${error.message}`);
    failed += 1;
  }
}
// A test that could not run here (the Electron window without a binary) is said plainly, not counted as passed.
for (const note of skipped) console.log(`skipped: ${note}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

function skippedTests(report) {
  const notes = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue;
        const reason = (test.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
        notes.push(`${spec.file}: ${spec.title} (${reason})`);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return notes;
}
