// The services of the system, as `npm start`, the e2e tests and the benchmark run them: every
// folder of services/ with a src/main.ts, started from its compiled form in dist/.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_PORTS = { gateway: 3000, order: 3101, declaration: 3102, inspection: 3103, 'tax-permit': 3104, logistics: 3105, ops: 3106, 'single-window': 3107 };

function serviceNames() {
  return fs
    .readdirSync(path.join(ROOT, 'services'))
    .filter((name) => fs.existsSync(path.join(ROOT, 'services', name, 'src', 'main.ts')))
    .sort((a, b) => (a === 'gateway') - (b === 'gateway') || a.localeCompare(b));
}

function portOf(name, env = process.env) {
  return Number(env[`${name.toUpperCase().replace(/-/g, '_')}_PORT`] ?? DEFAULT_PORTS[name]);
}

/** Spawns one service as its own process; its output lines are passed to `onLine`. */
function spawnService(name, env, onLine) {
  const main = path.join(ROOT, 'dist', 'services', name, 'src', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, ['--enable-source-maps', '-r', path.join(__dirname, 'register-paths.js'), main], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  forEachLine(child, onLine);
  return child;
}

/** Passes every non-empty line a child writes (stdout and stderr) to `onLine`, a last unended line too. */
function forEachLine(child, onLine) {
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) if (line) onLine(line);
    });
    stream.on('end', () => {
      if (buffered) onLine(buffered);
      buffered = '';
    });
  }
}

/** Polls GET /health/ready until it answers 200, the process exits, or the deadline passes. */
async function waitReady(name, port, child, deadlineMs = 60_000) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not ready on port ${port} within ${deadlineMs / 1000}s`);
}

/** SIGTERM, then SIGKILL after a grace period. */
async function stopProcess(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

module.exports = { ROOT, DEFAULT_PORTS, serviceNames, portOf, spawnService, forEachLine, waitReady, stopProcess };
