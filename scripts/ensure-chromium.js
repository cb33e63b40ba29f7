// The browser tests' Chromium (test/e2e/ops-console.e2e-spec.ts): Debian's `chromium` package at
// /usr/bin/chromium, installed with `apt-get install -y chromium` when it is missing and this runs
// as root. Where it cannot be installed (not root, no apt-get) it says why and the browser tests
// skip with that message. Run by `npm test` before the integration files; also a module.
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const CHROMIUM = '/usr/bin/chromium';

/** { ok: true } when the browser is there (installed now if need be); otherwise { ok: false, reason, failed }. */
function ensureChromium(say = (line) => process.stdout.write(`[chromium] ${line}\n`)) {
  if (fs.existsSync(CHROMIUM)) return { ok: true, path: CHROMIUM };
  if (process.platform !== 'linux') return { ok: false, reason: `${CHROMIUM} is missing: the browser tests use Debian's chromium package, on Linux` };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { ok: false, reason: `${CHROMIUM} is missing and installing it needs root: run "apt-get install -y chromium" as root` };
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return { ok: false, reason: `${CHROMIUM} is missing and there is no apt-get to install it with` };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: ['ignore', 'inherit', 'inherit'], env }).status === 0;
  say(`${CHROMIUM} is missing: apt-get install -y chromium (the first time takes a few minutes)...`);
  // A fresh machine may not have the package lists yet.
  if (!install()) {
    say('install failed; apt-get update and once more...');
    spawnSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'], env });
    install();
  }
  if (fs.existsSync(CHROMIUM)) return { ok: true, path: CHROMIUM, installed: true };
  return { ok: false, failed: true, reason: `apt-get install -y chromium did not install ${CHROMIUM}` };
}

module.exports = { CHROMIUM, ensureChromium };

if (require.main === module) {
  const result = ensureChromium();
  if (result.ok) process.stdout.write(`[chromium] ${result.path}${result.installed ? ' (installed now)' : ''}\n`);
  else process.stdout.write(`[chromium] ${result.reason}; the ops console browser tests will be skipped\n`);
  // As root with apt-get, a failed install is a failure of the run, not a reason to skip.
  process.exit(result.failed ? 1 : 0);
}
