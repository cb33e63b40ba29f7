// `npm test`: type-check and build, lint (module boundaries), unit tests, then every integration
// and end-to-end test file on real Kafka and PostgreSQL. Each of those files runs in its own
// jest process with its own fresh broker and database (the harness's global setup), so that
// events one file publishes never reach another file's consumers. The integration files (no
// service processes, no fixed ports but infra/kafka's own) run two at a time, their output
// printed whole as each ends; the end-to-end and fault files, which time recoveries, one by one.
// Ends with one summary line: "N passed, N failed".
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const results = [];
const say = (line) => process.stdout.write(`[test] ${line}\n`);

function run(step, command, args, env = {}) {
  const started = Date.now();
  say(`${step}...`);
  const { status } = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  say(`${step}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return status === 0;
}

function jestArgs(name, config, files) {
  const report = path.join(ROOT, 'tmp', `jest-${name.replace(/[^a-z0-9-]+/gi, '_')}.json`);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.rmSync(report, { force: true });
  return { report, args: [require.resolve('jest/bin/jest'), '-c', config, '--json', `--outputFile=${report}`, ...files] };
}

function recordResult(name, report, ok) {
  const summary = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : { numPassedTests: 0, numFailedTests: 0 };
  // A file whose process died before reporting counts as one failure.
  results.push({ name, passed: summary.numPassedTests, failed: summary.numFailedTests + (!ok && summary.numFailedTests === 0 ? 1 : 0) });
  return ok;
}

function jest(name, config, files = []) {
  const { report, args } = jestArgs(name, config, files);
  return recordResult(name, report, run(`${name} tests`, process.execPath, args));
}

/** Runs the files' jest processes `width` at a time; each one's output is printed whole when it ends. */
async function jestConcurrently(files, config, width) {
  let ok = true;
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const { report, args } = jestArgs(file, config, [file]);
      const started = Date.now();
      say(`${file} tests...`);
      const child = spawn(process.execPath, args, { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
      process.stdout.write(Buffer.concat(output));
      say(`${file} tests: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
      ok = recordResult(file, report, status === 0) && ok;
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return ok;
}

/** Integration and end-to-end files, in a stable order: infrastructure and libs first. */
function integrationFiles() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'dist', 'tmp', 'cache'].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(int-spec|e2e-spec)\.ts$/.test(entry.name)) found.push(path.relative(ROOT, full));
    }
  };
  for (const top of ['infra', 'libs', 'services', 'scripts', 'test']) walk(path.join(ROOT, top));
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function rank(file) {
  return ['infra/', 'libs/', 'services/', 'scripts/', 'test/'].findIndex((prefix) => file.startsWith(prefix));
}

async function main() {
  const started = Date.now();
  const tsc = require.resolve('typescript/bin/tsc');
  let ok = run('build (tsc)', process.execPath, [tsc, '-p', 'tsconfig.build.json']);
  ok = run('lint (module boundaries)', 'npm', ['run', '--silent', 'lint'], { NX_DAEMON: 'false' }) && ok;
  // The signature specs verify with independent tools (xmlsec1, xmllint, openssl); installed here when missing (as root).
  ok = run('xml tools (independent verifiers for the signature specs)', process.execPath, [path.join(__dirname, 'ensure-xml-tools.js')]) && ok;
  ok = jest('unit', 'jest.unit.config.js') && ok;
  // The ops console's browser tests need Debian's chromium; installed here when missing (as root).
  ok = run('browser (chromium for the ops console tests)', process.execPath, [path.join(__dirname, 'ensure-chromium.js')]) && ok;
  const files = integrationFiles();
  ok = (await jestConcurrently(files.filter((file) => !file.startsWith('test/')), 'jest.integration.config.js', 2)) && ok;
  for (const file of files.filter((file) => file.startsWith('test/'))) ok = jest(file, 'jest.integration.config.js', [file]) && ok;

  for (const r of results) say(`${r.name}: ${r.passed} passed, ${r.failed} failed`);
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failedTests = results.reduce((sum, r) => sum + r.failed, 0);
  // A failed build or lint step counts as one failure, so the summary never reads green by mistake.
  const failed = failedTests + (!ok && failedTests === 0 ? 1 : 0);
  say(`all in ${((Date.now() - started) / 60000).toFixed(1)} min`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(ok ? 0 : 1);
}

main();
