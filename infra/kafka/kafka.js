// Runs local Apache Kafka (KRaft) from the jars in cache/lib, without Docker: one broker, or a
// cluster of N (each process a controller and a broker, on ports of its own): module and CLI.
//   CLI: node infra/kafka/kafka.js start|stop|status [--port N] [--brokers N] [--fresh]
//   Env: KAFKA_CLUSTER_SIZE (the CLI's --brokers, default 1), KAFKA_HEAP_MB (default 512),
//        KAFKA_CDS=0 (disable the class-data-sharing archive, see cdsFlags).
// Broker i of a cluster (0-based) listens on port + 2i, its controller on port + 2i + 1.
'use strict';

const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { Kafka, logLevel } = require('kafkajs');

const HOST = '127.0.0.1';
const CACHE_DIR = path.join(__dirname, 'cache');
const LIB_DIR = path.join(CACHE_DIR, 'lib');
const LOG4J_CONFIG = path.join(__dirname, 'log4j.properties');
const READY_MARKER = 'Kafka Server started';
const READY_DEADLINE_MS = 90_000;
const STOP_GRACE_MS = 30_000;
const PROBE_TIMEOUT_MS = 2_000;

// ---------------------------------------------------------------------------------------------
// Options and files

function resolveOptions(opts = {}) {
  const port = Number(opts.port ?? 9092);
  const dataDir = path.resolve(opts.dataDir ?? path.join(CACHE_DIR, `data-${port}`));
  const stateDir = path.dirname(dataDir);
  const controllerPort = Number(opts.controllerPort ?? port + 1);
  const heapMb = Number(opts.heapMb ?? process.env.KAFKA_HEAP_MB ?? 512);
  const clusterSize = Number(opts.clusterSize ?? 1);
  for (const [name, value] of Object.entries({ port, controllerPort })) {
    if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`kafka: invalid ${name} ${value}`);
  }
  if (!Number.isInteger(heapMb) || heapMb < 128) throw new Error(`kafka: heap must be at least 128 MB, got ${heapMb}`);
  return {
    port,
    controllerPort,
    dataDir,
    logFile: path.resolve(opts.logFile ?? path.join(CACHE_DIR, `kafka-${port}.log`)),
    fresh: Boolean(opts.fresh),
    heapMb,
    nodeId: Number(opts.nodeId ?? 1),
    clusterSize,
    // Every member of a cluster names the same voters: the controller of each.
    voters: opts.voters ?? `1@${HOST}:${controllerPort}`,
    clusterId: opts.clusterId,
    // Named by port so that brokers on different ports can share one parent folder (cache/).
    propsFile: path.join(stateDir, `server-${port}.properties`),
    pidFile: path.join(stateDir, `kafka-${port}.pid`),
    lockFile: path.join(stateDir, `kafka-${port}.starting`),
    brokers: `${HOST}:${port}`,
  };
}

function progress(line) {
  process.stderr.write(`kafka: ${line}\n`);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function serverProperties(o) {
  const props = {
    // KRaft combined mode: each process is a controller (of a quorum of one, or of the cluster's) and a broker.
    'process.roles': 'broker,controller',
    'node.id': o.nodeId,
    'controller.quorum.voters': o.voters,
    listeners: `PLAINTEXT://${HOST}:${o.port},CONTROLLER://${HOST}:${o.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${HOST}:${o.port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': o.dataDir,
    // Topics are declared by the services; a typo must fail rather than silently create a topic.
    'auto.create.topics.enable': false,
    'num.partitions': 6,
    // Single node: every internal topic has one replica; few partitions keep startup and first join fast.
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 6,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 6,
    'group.initial.rebalance.delay.ms': 0,
    // Keep the full history: replays and audits read topics from the beginning.
    'log.retention.hours': -1,
    // Light on a 2-core dev machine: fewer threads, and a 16 MB (not 128 MB) compaction buffer in a 512 MB heap.
    'num.network.threads': 2,
    'num.io.threads': 4,
    'num.recovery.threads.per.data.dir': 1,
    'background.threads': 4,
    'log.cleaner.dedupe.buffer.size': 16 * 1024 * 1024,
    ...(o.clusterSize > 1 ? clusterProperties(o.clusterSize) : {}),
  };
  const header = `# Written by infra/kafka/kafka.js on each start; edits are overwritten.\n`;
  return header + Object.entries(props).map(([key, value]) => `${key}=${value}`).join('\n') + '\n';
}

/**
 * What a cluster changes: three copies of everything, the consumer offsets and transactions
 * included, a write acknowledged once two have it; a lost broker fenced (its partitions led
 * elsewhere) within 6 s; never an out-of-sync copy made leader (that would drop acknowledged
 * writes).
 */
function clusterProperties(size) {
  const copies = Math.min(3, size);
  const inSync = copies >= 3 ? 2 : 1;
  return {
    'default.replication.factor': copies,
    'min.insync.replicas': inSync,
    'offsets.topic.replication.factor': copies,
    'transaction.state.log.replication.factor': copies,
    'transaction.state.log.min.isr': inSync,
    'unclean.leader.election.enable': false,
    'broker.heartbeat.interval.ms': 1_000,
    'broker.session.timeout.ms': 6_000,
    'replica.lag.time.max.ms': 10_000,
  };
}

function hasKafkaJars() {
  return fs.existsSync(LIB_DIR) && fs.readdirSync(LIB_DIR).some((name) => /^kafka_2\.13-.*\.jar$/.test(name));
}

/** Output of `java -version`, or undefined when there is no java on PATH. */
function javaVersion() {
  const res = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) return undefined;
  return `${res.stderr}${res.stdout}`.trim();
}

function classpath() {
  return `${LIB_DIR}${path.sep}*`;
}

// ---------------------------------------------------------------------------------------------
// Class-data sharing: the first broker run records the classes it loaded into an archive when it
// exits; later starts map that archive and boot about a second faster (fresh start measured 3.8 s -> 2.8 s).
// The archive is keyed by JVM build and jar set, so a new JDK or Kafka version records a new one.

function cdsArchive(java) {
  const jars = fs.readdirSync(LIB_DIR).sort().join(',');
  const key = crypto.createHash('sha1').update(`${java}\n${jars}`).digest('hex').slice(0, 12);
  return path.join(CACHE_DIR, `kafka-${key}.jsa`);
}

function pendingCdsSuffix(port) {
  return `.pending-${port}`;
}

function cdsFlags(java, port) {
  if (process.env.KAFKA_CDS === '0') return [];
  const archive = cdsArchive(java);
  // cds=off: recording lists hundreds of "skipping class" warnings, which would bury the broker's own log.
  if (fs.existsSync(archive)) return ['-Xlog:cds=off', `-XX:SharedArchiveFile=${archive}`];
  return ['-Xlog:cds=off', `-XX:ArchiveClassesAtExit=${archive}${pendingCdsSuffix(port)}`];
}

/** After a clean stop the pending archive is complete; after a crash or SIGKILL it may not be. */
function settlePendingCds(port, cleanExit) {
  if (!fs.existsSync(CACHE_DIR)) return;
  for (const name of fs.readdirSync(CACHE_DIR).filter((n) => n.endsWith(pendingCdsSuffix(port)))) {
    const pending = path.join(CACHE_DIR, name);
    const archive = pending.slice(0, -pendingCdsSuffix(port).length);
    if (cleanExit && !fs.existsSync(archive) && fs.statSync(pending).size > 0) fs.renameSync(pending, archive);
    else fs.rmSync(pending, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Probes

function brokerList(brokers) {
  return (Array.isArray(brokers) ? brokers : String(brokers).split(',')).map((b) => b.trim()).filter(Boolean);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** True when a Kafka broker answers a describeCluster at `brokers` within `timeoutMs`. */
async function isKafkaUp(brokers, timeoutMs = PROBE_TIMEOUT_MS) {
  // kafkajs' disconnect() only half-closes its sockets; against a listener that is not Kafka (and
  // never reads) they would linger and keep this process alive. Track them and destroy them all.
  const sockets = new Set();
  const socketFactory = ({ host, port, onConnect }) => {
    const socket = net.connect({ host, port }, onConnect);
    sockets.add(socket);
    return socket;
  };
  const kafka = new Kafka({
    clientId: 'cbec-kafka-probe',
    brokers: brokerList(brokers),
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    socketFactory,
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    const cluster = await withTimeout(
      admin.connect().then(() => admin.describeCluster()),
      timeoutMs + 500,
      'describeCluster',
    );
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
    for (const socket of sockets) socket.destroy();
  }
}

/** Resolves once Kafka answers at `brokers`; rejects when it has not within `deadlineMs` (a duration). */
async function waitForKafka(brokers, deadlineMs = READY_DEADLINE_MS) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (await isKafkaUp(brokers, Math.min(PROBE_TIMEOUT_MS, Math.max(deadline - Date.now(), 200)))) return;
    await sleep(250);
  }
  throw new Error(`Kafka at ${brokers} did not answer within ${Math.round(deadlineMs / 1000)}s`);
}

/** True when nothing else holds HOST:port, i.e. Kafka will be able to bind it. */
function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------------------------
// Process bookkeeping

function readPid(pidFile) {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  // An exited child of this very process stays a zombie until Node reaps it; that is not running.
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Guards against pid reuse: only signal a process that is the broker JVM started with this properties file. */
function isOurBroker(pid, propsFile) {
  if (!pid || !isAlive(pid)) return false;
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.includes('kafka.Kafka') && args.includes(propsFile);
  } catch {
    return process.platform !== 'linux'; // no /proc to check: trust the pid file
  }
}

/** One starter per port at a time (held by this Node process's pid); false while another live process holds it. */
function acquireStartLock(lockFile) {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return true;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = readPid(lockFile);
      if (holder && isAlive(holder)) return false;
      fs.rmSync(lockFile, { force: true }); // left by a starter that died; take it over
    }
  }
  return false;
}

/** Removes the pid file only while it still names `pid`, so a failed start never orphans another broker. */
function removePidFile(pidFile, pid) {
  if (readPid(pidFile) === pid) fs.rmSync(pidFile, { force: true });
}

async function waitForExit(pid, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/** SIGTERM (Kafka shuts down cleanly), then SIGKILL after the grace period. True on a clean exit. */
async function terminate(pid) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return true;
  }
  if (await waitForExit(pid, STOP_GRACE_MS)) return true;
  progress(`pid ${pid} did not stop within ${STOP_GRACE_MS / 1000}s, killing it`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await waitForExit(pid, 5_000);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Start

/** The line most likely to explain a failed start: the last ERROR/FATAL/exception, else the last line. */
function lastMeaningfulLine(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !l.startsWith('==='));
  const flagged = lines.filter((l) => /\b(ERROR|FATAL)\b|Exception|Error:/.test(l));
  const line = (flagged.length ? flagged[flagged.length - 1] : lines[lines.length - 1]) ?? 'no output';
  return line.replace(/^\[[\d\- :,]+\]\s*/, '').slice(0, 400);
}

function readFrom(file, offset) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buffer = Buffer.alloc(Math.max(size - offset, 0));
      fs.readSync(fd, buffer, 0, buffer.length, offset);
      return buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function assertCanRun() {
  const java = javaVersion();
  if (!java) throw new Error('kafka: java not found on PATH (install a JRE/JDK 17+ to run the local broker)');
  if (!hasKafkaJars()) throw new Error(`kafka: Kafka jars missing in ${LIB_DIR}; run \`node infra/kafka/fetch.js\``);
  return java;
}

function formatStorage(o) {
  progress(`formatting storage in ${o.dataDir}`);
  const clusterId = o.clusterId ?? newClusterId();
  const args = [
    // A short-lived tool: the client compiler and a small heap start it fastest.
    '-Xmx128m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    `-Dlog4j.configuration=file:${LOG4J_CONFIG}`,
    '-cp',
    classpath(),
    'kafka.tools.StorageTool',
    'format',
    '--cluster-id',
    clusterId,
    '--config',
    o.propsFile,
    '--ignore-formatted',
  ];
  const res = spawnSync('java', args, { encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    const reason = res.error ? res.error.message : lastMeaningfulLine(`${res.stdout}\n${res.stderr}`);
    throw new Error(`kafka: formatting ${o.dataDir} failed: ${reason}`);
  }
}

/** Same shape as Kafka's Uuid.randomUuid(): 16 random bytes in base64url; never a leading '-', which the tool's argument parser would take for an option. */
function newClusterId() {
  let clusterId;
  do clusterId = crypto.randomBytes(16).toString('base64url');
  while (clusterId.startsWith('-'));
  return clusterId;
}

function spawnBroker(o, java) {
  const args = [
    `-Xmx${o.heapMb}m`,
    `-Xms${o.heapMb}m`,
    // Serial GC: no concurrent GC threads competing for 2 cores; pauses are irrelevant for a dev broker.
    '-XX:+UseSerialGC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    ...cdsFlags(java, o.port),
    `-Dlog4j.configuration=file:${LOG4J_CONFIG}`,
    '-cp',
    classpath(),
    'kafka.Kafka',
    o.propsFile,
  ];
  fs.appendFileSync(o.logFile, `\n=== ${new Date().toISOString()} kafka.js: starting broker on ${o.brokers} ===\n`);
  const logFd = fs.openSync(o.logFile, 'a');
  try {
    // Detached with its own session and no pipes: the broker outlives the CLI that started it.
    const child = spawn('java', args, { cwd: path.dirname(o.dataDir), detached: true, stdio: ['ignore', logFd, logFd] });
    child.unref();
    return child;
  } finally {
    fs.closeSync(logFd);
  }
}

/** Resolves when the log says started and a client can talk to it; rejects on early exit or at the deadline. */
async function waitUntilReady(child, o, logOffset) {
  let exit;
  child.once('exit', (code, signal) => (exit = signal ?? `code ${code}`));
  const deadline = Date.now() + READY_DEADLINE_MS;
  const failure = (why) =>
    new Error(`kafka: broker on ${o.brokers} ${why}: ${lastMeaningfulLine(readFrom(o.logFile, logOffset))} (log: ${o.logFile})`);

  while (Date.now() < deadline) {
    if (exit) throw failure(`exited early (${exit})`);
    if (readFrom(o.logFile, logOffset).includes(READY_MARKER) && (await isKafkaUp(o.brokers, PROBE_TIMEOUT_MS))) return;
    await sleep(200);
  }
  throw failure(`was not ready within ${READY_DEADLINE_MS / 1000}s`);
}

function reusedBroker(o, pid) {
  return { brokers: o.brokers, pid, reused: true, logFile: o.logFile, stop: async () => undefined };
}

/**
 * Starts a broker on 127.0.0.1:<port>, or reuses the Kafka already answering there.
 * @returns {Promise<{brokers: string, pid: number|undefined, reused: boolean, logFile: string, stop: () => Promise<void>}>}
 */
async function startKafka(opts = {}) {
  const o = resolveOptions(opts);
  const ownPid = readPid(o.pidFile);

  if (await isKafkaUp(o.brokers, PROBE_TIMEOUT_MS)) {
    progress(`reusing the broker already running on ${o.brokers}${o.fresh ? ' (fresh ignored)' : ''}`);
    return reusedBroker(o, isOurBroker(ownPid, o.propsFile) ? ownPid : undefined);
  }
  if (isOurBroker(ownPid, o.propsFile)) {
    // Spawned by an earlier start whose process has gone (e.g. an interrupted CLI) and still booting.
    return waitForOtherStarter(o, `a broker is still starting on ${o.brokers} (pid ${ownPid})`);
  }
  if (!acquireStartLock(o.lockFile)) {
    return waitForOtherStarter(o, `another process is starting a broker on ${o.brokers}`);
  }
  try {
    return await launch(o, opts);
  } finally {
    fs.rmSync(o.lockFile, { force: true });
  }
}

async function waitForOtherStarter(o, what) {
  progress(`${what}, waiting for it`);
  await waitForKafka(o.brokers, READY_DEADLINE_MS);
  const pid = readPid(o.pidFile);
  return reusedBroker(o, isOurBroker(pid, o.propsFile) ? pid : undefined);
}

/** Checks ports and prerequisites, prepares the data dir, spawns the broker and waits until it is ready. */
async function launch(o, opts) {
  if (!(await isPortFree(o.port))) throw new Error(`kafka: port ${o.port} is taken by a process that is not Kafka`);
  if (!(await isPortFree(o.controllerPort))) {
    throw new Error(`kafka: controller port ${o.controllerPort} (for the broker on ${o.port}) is taken by another process`);
  }
  const java = assertCanRun();

  const started = Date.now();
  if (o.fresh) fs.rmSync(o.dataDir, { recursive: true, force: true });
  fs.mkdirSync(o.dataDir, { recursive: true });
  fs.mkdirSync(path.dirname(o.logFile), { recursive: true });
  fs.writeFileSync(o.propsFile, serverProperties(o));
  if (!fs.existsSync(path.join(o.dataDir, 'meta.properties'))) formatStorage(o);

  progress(`starting broker on ${o.brokers} (heap ${o.heapMb} MB)`);
  const logOffset = fs.existsSync(o.logFile) ? fs.statSync(o.logFile).size : 0;
  const child = spawnBroker(o, java);
  fs.writeFileSync(o.pidFile, `${child.pid}\n`);
  try {
    await waitUntilReady(child, o, logOffset);
  } catch (error) {
    if (isAlive(child.pid)) await terminate(child.pid);
    removePidFile(o.pidFile, child.pid);
    settlePendingCds(o.port, false);
    throw error;
  }

  progress(`started on ${o.brokers} in ${((Date.now() - started) / 1000).toFixed(1)}s (log: ${o.logFile})`);
  return { brokers: o.brokers, pid: child.pid, reused: false, logFile: o.logFile, stop: async () => void (await stopKafka(opts)) };
}

// ---------------------------------------------------------------------------------------------
// Stop

/** Stops the broker that startKafka(opts) started (found by its pid file); false when none was running. */
async function stopKafka(opts = {}) {
  const o = resolveOptions(opts);
  const pid = readPid(o.pidFile);
  if (!isOurBroker(pid, o.propsFile)) {
    fs.rmSync(o.pidFile, { force: true });
    return false;
  }
  progress(`stopping broker on ${o.brokers} (pid ${pid})`);
  const clean = await terminate(pid);
  fs.rmSync(o.pidFile, { force: true });
  settlePendingCds(o.port, clean);
  progress(`stopped broker on ${o.brokers}`);
  return true;
}

/** SIGKILL of the broker startKafka(opts) started, as a crash or a lost machine would end it; false when none was running. */
async function killKafka(opts = {}) {
  const o = resolveOptions(opts);
  const pid = readPid(o.pidFile);
  if (!isOurBroker(pid, o.propsFile)) return false;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 10_000);
  fs.rmSync(o.pidFile, { force: true });
  settlePendingCds(o.port, false);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Cluster: N processes, each a controller and a broker, formatted with one cluster id

/** The options of each member of a cluster of `opts.brokers` starting at `opts.port` (files in `opts.stateDir`, else cache/cluster-<port>/; one broker's in cache/). */
function clusterMembers(opts = {}) {
  const size = Number(opts.brokers ?? 1);
  const port = Number(opts.port ?? 9092);
  if (!Number.isInteger(size) || size < 1) throw new Error(`kafka: a cluster needs at least one broker, got ${opts.brokers}`);
  const ports = Array.from({ length: size }, (_, i) => port + 2 * i);
  const voters = ports.map((p, i) => `${i + 1}@${HOST}:${p + 1}`).join(',');
  // A cluster's folders are its own: a single broker's data on the same port was formatted for a quorum of one.
  const stateDir = opts.stateDir ?? (size > 1 ? path.join(CACHE_DIR, `cluster-${port}`) : undefined);
  return ports.map((p, i) => ({
    port: p,
    controllerPort: p + 1,
    nodeId: i + 1,
    clusterSize: size,
    voters,
    fresh: opts.fresh,
    heapMb: opts.heapMb,
    ...(stateDir ? { dataDir: path.join(stateDir, `data-${p}`), logFile: path.join(stateDir, `kafka-${p}.log`) } : {}),
  }));
}

/** The cluster id an earlier start formatted a member's folder with, if any (a member started afresh must join it). */
function formattedClusterId(members) {
  for (const member of members) {
    const file = path.join(resolveOptions(member).dataDir, 'meta.properties');
    const match = fs.existsSync(file) && /^cluster\.id=(.+)$/m.exec(fs.readFileSync(file, 'utf8'));
    if (match) return match[1].trim();
  }
  return undefined;
}

/**
 * Starts (or reuses) every broker of a cluster of `opts.brokers` (the members start together: a
 * controller quorum needs a majority before any of them is ready), and resolves once every
 * broker has registered. One broker is startKafka itself.
 */
async function startCluster(opts = {}) {
  const members = clusterMembers(opts);
  if (members.length === 1) return startKafka({ ...opts, ...members[0] });
  const clusterId = (!opts.fresh && formattedClusterId(members)) || newClusterId();
  const started = await Promise.all(members.map((member) => startKafka({ ...member, clusterId })));
  const brokers = started.map((broker) => broker.brokers).join(',');
  await waitForBrokers(brokers, members.length);
  return {
    brokers,
    pid: started[0].pid,
    reused: started.every((broker) => broker.reused),
    logFile: started.map((broker) => broker.logFile).join(', '),
    members: started,
    stop: async () => void (await stopCluster(opts)),
  };
}

/** Stops every broker of the cluster startCluster(opts) started; false when none was running. */
async function stopCluster(opts = {}) {
  const stopped = await Promise.all(clusterMembers(opts).map((member) => stopKafka(member)));
  return stopped.some(Boolean);
}

/** Resolves once `count` brokers are registered in the cluster at `brokers`. */
async function waitForBrokers(brokers, count, deadlineMs = READY_DEADLINE_MS) {
  const kafka = new Kafka({ clientId: 'cbec-kafka-cluster', brokers: brokerList(brokers), logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const admin = kafka.admin();
  const deadline = Date.now() + deadlineMs;
  try {
    for (;;) {
      const registered = await admin
        .connect()
        .then(() => admin.describeCluster())
        .then((cluster) => cluster.brokers.length, () => 0);
      if (registered >= count) return;
      if (Date.now() > deadline) throw new Error(`kafka: ${registered} of ${count} brokers registered at ${brokers} after ${deadlineMs / 1000}s`);
      await sleep(250);
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = 'usage: node infra/kafka/kafka.js start|stop|status [--port N] [--brokers N] [--fresh]';

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const opts = { brokers: Number(process.env.KAFKA_CLUSTER_SIZE || 1) };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i].split('=');
    if (flag === '--fresh') opts.fresh = true;
    else if (flag === '--port') opts.port = Number(inline ?? rest[++i]);
    else if (flag === '--brokers') opts.brokers = Number(inline ?? rest[++i]);
    else throw new Error(`kafka: unknown argument ${rest[i]}\n${USAGE}`);
  }
  return { command, opts };
}

async function status(opts) {
  let down = 0;
  for (const member of clusterMembers(opts)) {
    const o = resolveOptions(member);
    const pid = readPid(o.pidFile);
    const ours = isOurBroker(pid, o.propsFile);
    if (await isKafkaUp(o.brokers)) {
      console.log(`kafka: up on ${o.brokers}${ours ? ` (pid ${pid}, log: ${o.logFile})` : ' (not started by kafka.js)'}`);
    } else {
      down++;
      console.log(`kafka: down on ${o.brokers}${ours ? ` (pid ${pid} is still starting)` : ''}`);
    }
  }
  return down === 0 ? 0 : 1;
}

async function main(argv) {
  const { command, opts } = parseArgs(argv);
  if (command === 'start') {
    const cluster = await startCluster(opts);
    console.log(cluster.brokers);
    return 0;
  }
  if (command === 'stop') {
    if (!(await stopCluster(opts))) console.error(`kafka: no broker started by kafka.js is running on ${clusterMembers(opts).map((m) => resolveOptions(m).brokers).join(',')}`);
    return 0;
  }
  if (command === 'status') return status(opts);
  throw new Error(USAGE);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}

module.exports = { startKafka, stopKafka, killKafka, isKafkaUp, waitForKafka, startCluster, stopCluster, clusterMembers, waitForBrokers };
