// `npm test`: type-check and build, lint (module boundaries), unit tests, then the integration
// and end-to-end tests on real Kafka and PostgreSQL (the harness finds or starts them).
// Ends with one summary line: "N passed, N failed".
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const extra = process.argv.slice(2);
const results = [];
const say = (line) => process.stdout.write(`[test] ${line}\n`);

function run(step, command, args, env = {}) {
  const started = Date.now();
  say(`${step}...`);
  const { status } = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  say(`${step}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return status === 0;
}

function jest(name, config) {
  const report = path.join(ROOT, 'tmp', `jest-${name}.json`);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.rmSync(report, { force: true });
  const ok = run(`${name} tests`, process.execPath, [require.resolve('jest/bin/jest'), '-c', config, '--json', `--outputFile=${report}`, ...extra]);
  const summary = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : { numPassedTests: 0, numFailedTests: 1 };
  results.push({ name, passed: summary.numPassedTests, failed: summary.numFailedTests });
  return ok;
}

const tsc = require.resolve('typescript/bin/tsc');
let ok = run('build (tsc)', process.execPath, [tsc, '-p', 'tsconfig.build.json']);
ok = run('lint (module boundaries)', 'npm', ['run', '--silent', 'lint'], { NX_DAEMON: 'false' }) && ok;
ok = jest('unit', 'jest.unit.config.js') && ok;
ok = jest('integration', 'jest.integration.config.js') && ok;

for (const r of results) say(`${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failedTests = results.reduce((sum, r) => sum + r.failed, 0);
// A failed build or lint step counts as one failure, so the summary never reads green by mistake.
const failed = failedTests + (!ok && failedTests === 0 ? 1 : 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(ok ? 0 : 1);
