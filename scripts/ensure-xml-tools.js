// The second, independent verifiers of the Single Window signature specs
// (libs/single-window/src/signature/*.spec.ts): Debian's `xmlsec1` (XML-DSig), `xmllint` (package
// libxml2-utils: well-formedness, C14N) and `openssl` (SM2, SM3). Installed with
// `apt-get install -y xmlsec1 libxml2-utils openssl` when one is missing and this runs as root;
// otherwise it says why, and the specs that need them skip with that reason. Run by `npm test`
// before the unit tests; also a module.
const { spawnSync } = require('node:child_process');

const TOOLS = [
  { command: 'xmlsec1', args: ['--version'], apt: 'xmlsec1' },
  { command: 'xmllint', args: ['--version'], apt: 'libxml2-utils' },
  { command: 'openssl', args: ['version'], apt: 'openssl' },
];

function missingTools() {
  return TOOLS.filter((tool) => spawnSync(tool.command, tool.args, { stdio: 'ignore' }).status !== 0);
}

/** { ok: true } when every tool answers; otherwise { ok: false, reason }. Installs nothing. */
function xmlToolsStatus() {
  const missing = missingTools();
  if (missing.length === 0) return { ok: true };
  return { ok: false, reason: `${missing.map((tool) => tool.command).join(', ')} missing: run "node scripts/ensure-xml-tools.js" as root (apt-get install -y ${missing.map((tool) => tool.apt).join(' ')})` };
}

/** { ok: true } when the tools are there (installed now if need be); otherwise { ok: false, reason, failed }. */
function ensureXmlTools(say = (line) => process.stdout.write(`[xml-tools] ${line}\n`)) {
  const missing = missingTools();
  if (missing.length === 0) return { ok: true };
  const packages = [...new Set(missing.map((tool) => tool.apt))];
  const names = missing.map((tool) => tool.command).join(', ');
  if (process.platform !== 'linux') return { ok: false, reason: `${names} missing: the signature specs use Debian's ${packages.join(', ')}, on Linux` };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { ok: false, reason: `${names} missing and installing needs root: run "apt-get install -y ${packages.join(' ')}" as root` };
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return { ok: false, reason: `${names} missing and there is no apt-get to install them with` };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', ...packages], { stdio: ['ignore', 'inherit', 'inherit'], env }).status === 0;
  say(`${names} missing: apt-get install -y ${packages.join(' ')}...`);
  // A fresh machine may not have the package lists yet.
  if (!install()) {
    say('install failed; apt-get update and once more...');
    spawnSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'], env });
    install();
  }
  const still = missingTools();
  if (still.length === 0) return { ok: true, installed: true };
  return { ok: false, failed: true, reason: `apt-get install -y ${packages.join(' ')} left ${still.map((tool) => tool.command).join(', ')} missing` };
}

module.exports = { xmlToolsStatus, ensureXmlTools };

if (require.main === module) {
  const result = ensureXmlTools();
  if (result.ok) process.stdout.write(`[xml-tools] xmlsec1, xmllint and openssl ready${result.installed ? ' (installed now)' : ''}\n`);
  else process.stdout.write(`[xml-tools] ${result.reason}; the signature specs that need them will be skipped\n`);
  // As root with apt-get, a failed install is a failure of the run, not a reason to skip.
  process.exit(result.failed ? 1 : 0);
}
