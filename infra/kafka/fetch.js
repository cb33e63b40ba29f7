// Postinstall step: copies the Apache Kafka broker jars from Maven Central into infra/kafka/cache/lib (no Docker needed).
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const POM = path.join(__dirname, 'pom.xml');
const LIB_DIR = path.join(__dirname, 'cache', 'lib');

function log(line) {
  console.log(`kafka-fetch: ${line}`);
}

/** Prints one line and exits non-zero: a missing broker must fail CI loudly, not at test time. */
function fail(line) {
  console.error(`kafka-fetch: ERROR ${line}`);
  process.exit(1);
}

/** The Kafka version the pom asks for, so that bumping it there triggers a new fetch. */
function wantedKafkaJar() {
  const match = fs.readFileSync(POM, 'utf8').match(/<kafka\.version>([^<]+)<\/kafka\.version>/);
  if (!match) fail(`no <kafka.version> property in ${POM}`);
  return `kafka_2.13-${match[1].trim()}.jar`;
}

function hasJar(dir, jar) {
  return fs.existsSync(path.join(dir, jar));
}

/** True when `cmd <versionArg>` runs; used to tell "tool missing" apart from "Maven failed". */
function hasCommand(cmd, versionArg) {
  const res = spawnSync(cmd, [versionArg], { stdio: 'ignore', shell: process.platform === 'win32' });
  return !res.error && res.status === 0;
}

/** The first line Maven flags as an error (normally the cause), for a one-line failure message. */
function summarizeMavenError(output) {
  const errors = output
    .split(/\r?\n/)
    .map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim())
    .filter((l) => l.startsWith('[ERROR]') && l.length > '[ERROR]'.length)
    .map((l) => l.slice('[ERROR]'.length).trim());
  return errors.length > 0 ? errors[0] : output.trim().split(/\r?\n/).pop() || 'no output';
}

function copyDependencies(kafkaJar) {
  // Copy into a temp folder and rename at the end, so an interrupted download never looks complete.
  const tmpDir = `${LIB_DIR}.partial`;
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(LIB_DIR), { recursive: true });

  const args = [
    '-q',
    '-B',
    '-f',
    POM,
    // Fully qualified (not the `dependency:` prefix): no plugin-prefix lookup, and a pinned, known-good version.
    'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
    `-DoutputDirectory=${tmpDir}`,
    // runtime = compile + runtime scopes: Kafka's server modules are runtime-scoped in its pom.
    '-DincludeScope=runtime',
  ];
  log(`running mvn ${args.join(' ')} (first run downloads ~70 MB from Maven Central, about 30 s)`);
  const res = spawnSync('mvn', args, { encoding: 'utf8', shell: process.platform === 'win32' });
  if (res.error || res.status !== 0) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    const reason = res.error ? res.error.message : summarizeMavenError(`${res.stdout}\n${res.stderr}`);
    fail(`Maven could not fetch Kafka jars (offline? set CBEC_SKIP_KAFKA_FETCH=1 to skip): ${reason}`);
  }
  if (!hasJar(tmpDir, kafkaJar)) fail(`Maven succeeded but ${kafkaJar} did not appear in ${tmpDir}`);

  fs.rmSync(LIB_DIR, { recursive: true, force: true });
  fs.renameSync(tmpDir, LIB_DIR);
}

function describeLib() {
  const jars = fs.readdirSync(LIB_DIR).filter((n) => n.endsWith('.jar'));
  const bytes = jars.reduce((sum, n) => sum + fs.statSync(path.join(LIB_DIR, n)).size, 0);
  return `${jars.length} jars, ${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function main() {
  if (process.env.CBEC_SKIP_KAFKA_FETCH === '1') {
    log('skipped (CBEC_SKIP_KAFKA_FETCH=1)');
    return;
  }
  const kafkaJar = wantedKafkaJar();
  if (hasJar(LIB_DIR, kafkaJar)) {
    log(`already present: ${kafkaJar} in ${LIB_DIR}`);
    return;
  }
  // Java is not needed to download, but it is needed to run the broker; say so now rather than later.
  if (!hasCommand('java', '-version')) fail('java not found on PATH (need a JDK/JRE 17+ to run Kafka)');
  if (!hasCommand('mvn', '-v')) fail('mvn not found on PATH (need Maven 3.6+ to fetch Kafka jars)');

  const started = Date.now();
  log(`fetching Kafka jars into ${LIB_DIR}`);
  copyDependencies(kafkaJar);
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s: ${describeLib()}`);
}

main();
