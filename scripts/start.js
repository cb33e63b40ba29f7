// `npm start`: the whole system on this machine. Kafka (infra/kafka, one broker or a cluster of
// KAFKA_CLUSTER_SIZE, unless one answers at KAFKA_BROKERS), PostgreSQL (the local server), the
// build, every service (each applies its own migrations, in its own database where
// <SERVICE>_DATABASE_URL names one), then what runs where. A service that crashes is restarted with backoff
// (scripts/supervise.js); only Ctrl-C (or SIGTERM) stops everything this script started. On a
// terminal the services' JSON logs are shown as readable lines (scripts/log-line.js, LOG_FORMAT).
const { execFileSync, execSync } = require('node:child_process');
const { Client } = require('pg');
const kafka = require('../infra/kafka/kafka.js');
const { formatLogLine, logFormatOf } = require('./log-line');
const { ROOT, serviceNames, portOf, spawnService } = require('./services');
const { stopOnSignals, supervise } = require('./supervise');

const CLUSTER_SIZE = Number(process.env.KAFKA_CLUSTER_SIZE || 1);
const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? kafka.clusterMembers({ brokers: CLUSTER_SIZE }).map((member) => `127.0.0.1:${member.port}`).join(',');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cbec';
const say = (line) => process.stdout.write(`[start] ${line}\n`);
/** Keys for trying the system on this machine; set GATEWAY_API_KEYS for anything else. */
const DEV_KEYS = 'ops:ops-dev-key,tmall-global:tmall-dev-key,jd-worldwide:jd-dev-key';

async function main() {
  const started = Date.now();
  const logFormat = logFormatOf(process.env, process.stdout.isTTY);
  const broker = await ensureKafka();
  await ensurePostgres();
  say('building (tsc)...');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });

  const keys = process.env.GATEWAY_API_KEYS ?? DEV_KEYS;
  const env = { KAFKA_BROKERS, DATABASE_URL, GATEWAY_API_KEYS: keys };
  const supervisors = [];
  const stopAll = async () => {
    say('stopping services...');
    await Promise.all(supervisors.map((supervisor) => supervisor.stop()));
    if (!broker.reused) {
      say('stopping Kafka...');
      await broker.stop();
    }
    process.exit(0);
  };
  stopOnSignals(stopAll);

  for (const name of serviceNames()) {
    supervisors.push(supervise(name, (onLine) => spawnService(name, env, onLine), { format: (line) => formatLogLine(name, line, logFormat) }));
  }
  await Promise.all(supervisors.map(({ name }) => untilReady(name)));

  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  say(`  kafka      ${KAFKA_BROKERS}${broker.reused ? ' (already running)' : ` (infra/kafka, log: ${broker.logFile})`}`);
  say(`  postgres   ${masked(DATABASE_URL)}`);
  for (const [name, url] of ownDatabases()) say(`  postgres   ${masked(url)} (${name} only)`);
  for (const { name } of supervisors) say(`  ${name.padEnd(10)} http://127.0.0.1:${portOf(name)}  (/health, /metrics)`);
  if (supervisors.some(({ name }) => name === 'gateway')) {
    say(`gateway: http://127.0.0.1:${portOf('gateway')}  (ops console: / with the ops key; OpenAPI: /docs; AsyncAPI: /asyncapi)`);
    if (keys === DEV_KEYS) say(`API keys (dev): ${DEV_KEYS.split(',').map((pair) => pair.replace(':', ' = ')).join(', ')}`);
    else say(`API keys: from GATEWAY_API_KEYS (platforms: ${keys.split(',').map((pair) => pair.split(':')[0]).join(', ')})`);
  }
  say('Ctrl-C stops everything.');
}

/** Polls GET /health/ready until it answers 200, however long it takes (crashes are restarted meanwhile). */
async function untilReady(name, noticeEveryMs = 30_000) {
  const since = Date.now();
  let noticeAt = since + noticeEveryMs;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${portOf(name)}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() >= noticeAt) {
      say(`${name} is not ready after ${Math.round((Date.now() - since) / 1000)}s; still waiting (Ctrl-C stops everything)`);
      noticeAt += noticeEveryMs;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function ensureKafka() {
  // A secured cluster (TLS, SASL) is the operator's: the services connect with its settings and say whether they could.
  if (process.env.KAFKA_SSL === 'true' || process.env.KAFKA_SASL_MECHANISM) return { reused: true, stop: async () => undefined };
  if (await kafka.isKafkaUp(KAFKA_BROKERS, 3_000)) return { reused: true, stop: async () => undefined };
  const [host, port] = KAFKA_BROKERS.split(',')[0].split(':');
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`no Kafka answers at ${KAFKA_BROKERS}, and infra/kafka only starts one on this machine`);
  say(`no Kafka at ${KAFKA_BROKERS}; starting infra/kafka${CLUSTER_SIZE > 1 ? ` (${CLUSTER_SIZE} brokers)` : ''}...`);
  return kafka.startCluster({ brokers: CLUSTER_SIZE, port: Number(port) });
}

/** The services pointed at a database of their own (<SERVICE>_DATABASE_URL), with its URL. */
function ownDatabases() {
  return serviceNames()
    .map((name) => [name, process.env[`${name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`]])
    .filter(([, url]) => url);
}

async function ensurePostgres() {
  const servers = new Map();
  for (const url of [DATABASE_URL, ...ownDatabases().map(([, own]) => own)]) {
    const server = new URL(url);
    server.pathname = '/postgres';
    servers.set(server.host, server.toString());
  }
  for (const [host, server] of servers) {
    if (await postgresAnswers(server)) continue;
    say(`PostgreSQL is not answering at ${host}; trying to start the local cluster...`);
    try {
      execSync("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", { stdio: 'inherit', shell: '/bin/bash' });
    } catch {
      // reported below
    }
    if (!(await postgresAnswers(server))) throw new Error(`PostgreSQL does not answer at ${host}; start it, or set DATABASE_URL (or <SERVICE>_DATABASE_URL)`);
  }
}

function masked(url) {
  return url.replace(/:[^:@/]*@/, ':***@');
}

async function postgresAnswers(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

main().catch((error) => {
  process.stderr.write(`[start] cannot start: ${error.message}\n`);
  process.exit(1);
});
