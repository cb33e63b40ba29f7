// Finds or starts the real Kafka and PostgreSQL a test run needs: containers where a container
// runtime answers; otherwise the broker of infra/kafka (started here on its own port, fresh)
// and the machine's PostgreSQL, with a fresh database for the run.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface TestInfrastructure {
  kafkaBrokers: string;
  databaseUrl: string;
  /** How each was obtained, for the run's log. */
  kafka: 'container' | 'infra/kafka (started)' | 'infra/kafka (reused)' | 'KAFKA_BROKERS';
  postgres: 'container' | 'local';
  stop(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '../../..');
const kafkaRunner = require(path.join(REPO_ROOT, 'infra/kafka/kafka.js'));

/** TEST_KAFKA_PORT if given; otherwise a free pair of ports (broker, controller), so that no
 * broker left behind by another run (or another checkout) is ever mistaken for this run's. */
async function testKafkaPort(): Promise<number> {
  if (process.env.TEST_KAFKA_PORT) return Number(process.env.TEST_KAFKA_PORT);
  return freePorts(2);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function startTestInfrastructure(log: (line: string) => void = () => undefined): Promise<TestInfrastructure> {
  if (await containerRuntimeAnswers()) return startContainers(log);
  const stops: (() => Promise<void>)[] = [];

  let kafkaBrokers: string;
  let kafka: TestInfrastructure['kafka'];
  if (process.env.TEST_KAFKA_BROKERS) {
    kafkaBrokers = process.env.TEST_KAFKA_BROKERS;
    kafka = 'KAFKA_BROKERS';
  } else {
    const port = await testKafkaPort();
    // A broker this checkout left on the port in an interrupted run is replaced.
    await kafkaRunner.stopKafka({ port });
    const { dataDir, logFile } = testBrokerFiles(port);
    const broker = await kafkaRunner.startKafka({ port, fresh: true, dataDir, logFile });
    kafkaBrokers = broker.brokers;
    kafka = broker.reused ? 'infra/kafka (reused)' : 'infra/kafka (started)';
    if (!broker.reused) stops.push(() => broker.stop().then(() => rm(path.dirname(dataDir), { recursive: true, force: true })));
  }
  log(`kafka: ${kafkaBrokers} (${kafka})`);

  const database = await freshTestDatabase();
  log(`postgres: ${database.url} (fresh database)`);
  if (!process.env.KEEP_TEST_DATABASE) stops.push(database.drop);

  return {
    kafkaBrokers,
    databaseUrl: database.url,
    kafka,
    postgres: 'local',
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch((error) => log(`teardown: ${error.message}`));
    },
  };
}

/** A fresh database on the test server (TEST_DATABASE_SERVER_URL, else the local one), and how to drop it. */
export async function freshTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cbec_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

/** A cluster of the run's own: infra/kafka's brokers, each of which can be killed, stopped and started again. */
export interface TestCluster {
  /** Every broker's address, comma-separated, as KAFKA_BROKERS takes them. */
  brokers: string;
  /** The node id of each broker (1, 2, 3...), in the order of `brokers`. */
  nodeIds: number[];
  /** SIGKILL: the broker dies without moving its leaderships or closing its log. */
  kill(nodeId: number): Promise<void>;
  /** SIGTERM: a controlled shutdown, its leaderships moved first. */
  stop(nodeId: number): Promise<void>;
  /** Starts the broker again on its data; resolves when it answers. */
  start(nodeId: number): Promise<void>;
  /** Stops every broker and removes their files. */
  close(): Promise<void>;
}

/** Starts a fresh cluster of `size` brokers on free ports (2 × size from 19100 on) for one test file. */
export async function startTestCluster(size: number, log: (line: string) => void = () => undefined): Promise<TestCluster> {
  const port = await freePorts(2 * size);
  const stateDir = path.join(tmpdir(), `cbec-test-kafka-cluster-${port}`);
  const options = { brokers: size, port, stateDir, fresh: true };
  const members: { port: number; nodeId: number }[] = kafkaRunner.clusterMembers(options);
  const member = (nodeId: number) => {
    const found = members.find((m) => m.nodeId === nodeId);
    if (!found) throw new Error(`no broker ${nodeId} in this cluster (${members.map((m) => m.nodeId).join(', ')})`);
    return { ...found, fresh: false };
  };
  await kafkaRunner.stopCluster(options);
  const cluster = await kafkaRunner.startCluster(options);
  log(`kafka: ${cluster.brokers} (infra/kafka cluster of ${size}, started)`);
  return {
    brokers: cluster.brokers,
    nodeIds: members.map((m) => m.nodeId),
    kill: async (nodeId) => void (await kafkaRunner.killKafka(member(nodeId))),
    stop: async (nodeId) => void (await kafkaRunner.stopKafka(member(nodeId))),
    start: async (nodeId) => void (await kafkaRunner.startKafka(member(nodeId))),
    close: async () => {
      await kafkaRunner.stopCluster(options);
      // KEEP_TEST_KAFKA=1 keeps the brokers' logs and data, to read after a failed run.
      if (process.env.KEEP_TEST_KAFKA) log(`kafka: the cluster's files are kept in ${stateDir}`);
      else await rm(stateDir, { recursive: true, force: true });
    },
  };
}

/** The first of `count` consecutive free ports from 19100 to 19900. */
async function freePorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 19100 + 2 * Math.floor(Math.random() * (400 - count));
    let free = true;
    for (let i = 0; i < count && free; i++) free = await portFree(port + i);
    if (free) return port;
  }
  throw new Error(`no ${count} free ports in a row between 19100 and 19900`);
}

function testBrokerFiles(port: number): { dataDir: string; logFile: string } {
  const dataDir = path.join(tmpdir(), `cbec-test-kafka-${port}`, 'data');
  return { dataDir, logFile: path.join(path.dirname(dataDir), 'kafka.log') };
}

/**
 * Stops the run's own broker (infra/kafka, started by the harness), leaves it down `downMs`,
 * and starts it again on the same data: what a broker restart looks like to the services.
 */
export async function restartTestBroker(downMs = 0): Promise<void> {
  if (process.env.CBEC_TEST_KAFKA_SOURCE !== 'infra/kafka (started)') {
    throw new Error(`a broker restart needs the broker this run started (infra/kafka); this run uses ${process.env.CBEC_TEST_KAFKA_SOURCE ?? 'an unknown broker'}`);
  }
  const port = Number(process.env.KAFKA_BROKERS!.split(',')[0].split(':')[1]);
  const { dataDir, logFile } = testBrokerFiles(port);
  if (!(await kafkaRunner.stopKafka({ port, dataDir }))) throw new Error(`no broker of this run found on port ${port}`);
  await new Promise((resolve) => setTimeout(resolve, downMs));
  await kafkaRunner.startKafka({ port, dataDir, logFile });
}

async function containerRuntimeAnswers(): Promise<boolean> {
  if (process.env.TESTCONTAINERS_DISABLED === '1') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await Promise.race([getContainerRuntimeClient(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5_000))]);
    return true;
  } catch {
    return false;
  }
}

async function startContainers(log: (line: string) => void): Promise<TestInfrastructure> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, postgres] = await Promise.all([new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(), new PostgreSqlContainer('postgres:15').start()]);
  const kafkaBrokers = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  log(`kafka: ${kafkaBrokers} (container); postgres: ${postgres.getConnectionUri()} (container)`);
  return {
    kafkaBrokers,
    databaseUrl: postgres.getConnectionUri(),
    kafka: 'container',
    postgres: 'container',
    stop: async () => {
      await Promise.all([kafka.stop(), postgres.stop()]);
    },
  };
}

/** One connection to the database at `url` for `work`, closed afterwards (even if it was cut). */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
