// `npm start`: the whole system on this machine. Kafka (infra/kafka, unless one answers at
// KAFKA_BROKERS), PostgreSQL (the local server), the build, every service (each applies its own
// migrations), then what runs where. Ctrl-C stops everything this script started.
const { execFileSync, execSync } = require('node:child_process');
const { Client } = require('pg');
const kafka = require('../infra/kafka/kafka.js');
const { ROOT, serviceNames, portOf, spawnService, waitReady, stopProcess } = require('./services');

const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cbec';
const say = (line) => process.stdout.write(`[start] ${line}\n`);
/** Keys for trying the system on this machine; set GATEWAY_API_KEYS for anything else. */
const DEV_KEYS = 'ops:ops-dev-key,tmall-global:tmall-dev-key,jd-worldwide:jd-dev-key';

async function main() {
  const started = Date.now();
  const broker = await ensureKafka();
  await ensurePostgres();
  say('building (tsc)...');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });

  const keys = process.env.GATEWAY_API_KEYS ?? DEV_KEYS;
  const env = { KAFKA_BROKERS, DATABASE_URL, GATEWAY_API_KEYS: keys };
  const children = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping services...');
    await Promise.all(children.map(({ child }) => stopProcess(child)));
    if (!broker.reused) {
      say('stopping Kafka...');
      await broker.stop();
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  for (const name of serviceNames()) {
    const child = spawnService(name, env, (line) => process.stdout.write(`${name.padEnd(12)}| ${line}\n`));
    child.on('exit', (code, signal) => {
      if (!stopping) {
        say(`${name} exited (code ${code}, signal ${signal}); stopping the rest`);
        void stopAll(1);
      }
    });
    children.push({ name, child });
  }
  try {
    await Promise.all(children.map(({ name, child }) => waitReady(name, portOf(name), child, 90_000)));
  } catch (error) {
    say(`failed: ${error.message}`);
    return stopAll(1);
  }

  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  say(`  kafka      ${KAFKA_BROKERS}${broker.reused ? ' (already running)' : ` (infra/kafka, log: ${broker.logFile})`}`);
  say(`  postgres   ${DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`);
  for (const { name } of children) say(`  ${name.padEnd(10)} http://127.0.0.1:${portOf(name)}  (/health, /metrics)`);
  if (children.some(({ name }) => name === 'gateway')) {
    say(`gateway: http://127.0.0.1:${portOf('gateway')}  (ops console: / with the ops key; OpenAPI: /docs; AsyncAPI: /asyncapi)`);
    if (keys === DEV_KEYS) say(`API keys (dev): ${DEV_KEYS.split(',').map((pair) => pair.replace(':', ' = ')).join(', ')}`);
    else say(`API keys: from GATEWAY_API_KEYS (platforms: ${keys.split(',').map((pair) => pair.split(':')[0]).join(', ')})`);
  }
  say('Ctrl-C stops everything.');
}

async function ensureKafka() {
  if (await kafka.isKafkaUp(KAFKA_BROKERS, 3_000)) return { reused: true, stop: async () => undefined };
  const [host, port] = KAFKA_BROKERS.split(',')[0].split(':');
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`no Kafka answers at ${KAFKA_BROKERS}, and infra/kafka only starts one on this machine`);
  say(`no Kafka at ${KAFKA_BROKERS}; starting infra/kafka...`);
  return kafka.startKafka({ port: Number(port) });
}

async function ensurePostgres() {
  const server = new URL(DATABASE_URL);
  server.pathname = '/postgres';
  if (await postgresAnswers(server.toString())) return;
  say('PostgreSQL is not answering; trying to start the local cluster...');
  try {
    execSync("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", { stdio: 'inherit', shell: '/bin/bash' });
  } catch {
    // reported below
  }
  if (!(await postgresAnswers(server.toString()))) throw new Error(`PostgreSQL does not answer at ${server.host}; start it, or set DATABASE_URL`);
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
