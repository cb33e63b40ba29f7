// The system on a three-broker cluster (infra/kafka, KRaft) under the load of the three models,
// tax-permit and the gateway each on a database of its own: the broker leading the busiest
// partitions killed with -9 and started again, a rolling restart of all three, and two brokers
// down at once (with min.insync.replicas 2, producers wait: nothing is acknowledged and then
// lost). After each: every order ended, none lost, none applied twice, outbound `sequence`
// gap-free, the quota exact, no dead letter; and the read model rebuilt from the replicated
// topics equals the live one.
import type { Admin } from 'kafkajs';
import { describeTopics, ensureTopics, type Logger } from '@cbec/messaging';
import { eventually, freshTestDatabase, rebuildReadModel, RunningSystem, serviceNames, startSystem, startTestCluster, TestCluster, testKafka, withClient } from '@cbec/testing';
import { crashLines } from './service-metrics';
import { expectNothingLostNothingTwice, FAULT_SYSTEM_ENV, OwnDatabases, underLoad } from './fault-load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (line: string) => process.stdout.write(`[faults] ${line}\n`);

describe('a three-broker cluster under load', () => {
  const harnessBrokers = process.env.KAFKA_BROKERS;
  const ownDatabases: OwnDatabases = {};
  const dropDatabases: (() => Promise<void>)[] = [];
  let cluster: TestCluster;
  let system: RunningSystem;
  let admin: Admin;

  beforeAll(async () => {
    cluster = await startTestCluster(3, say);
    // Everything this file starts (services, the platform, probes) talks to the cluster.
    process.env.KAFKA_BROKERS = cluster.brokers;
    for (const service of ['tax-permit', 'gateway']) {
      const database = await freshTestDatabase();
      ownDatabases[service] = database.url;
      dropDatabases.push(database.drop);
    }
    system = await startSystem(undefined, { ...FAULT_SYSTEM_ENV, TAX_PERMIT_DATABASE_URL: ownDatabases['tax-permit'], GATEWAY_DATABASE_URL: ownDatabases.gateway }, 4700);
    admin = testKafka(cluster.brokers).admin();
    await admin.connect();
  }, 300_000);

  afterAll(async () => {
    await admin?.disconnect();
    await system?.stop();
    await cluster?.close();
    for (const drop of dropDatabases) await drop().catch(() => undefined);
    process.env.KAFKA_BROKERS = harnessBrokers;
  }, 120_000);

  afterEach(() => {
    expect(crashLines(system.alarms)).toEqual([]);
    expect(serviceNames().filter((name: string) => !system.alive(name)).map((name: string) => `${name}:\n${system.logs[name].slice(-30).join('\n')}`)).toEqual([]);
  });

  it('creates every topic with three replicas and min.insync.replicas 2; tax-permit and the gateway migrate into their own databases', async () => {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith('cbec.'));
    expect(topics.length).toBeGreaterThan(10);
    const layouts = await describeTopics(admin, topics);
    expect(layouts.filter((t) => t.replicas !== 3 || t.minInsyncReplicas !== 2 || t.partitions !== 6)).toEqual([]);
    expect(await schemasIn(process.env.DATABASE_URL!)).toEqual(expect.not.arrayContaining(['tax_permit', 'gateway']));
    expect(await schemasIn(process.env.DATABASE_URL!)).toEqual(expect.arrayContaining(['orders', 'declaration', 'inspection', 'logistics', 'ops']));
    expect(await schemasIn(ownDatabases['tax-permit'])).toContain('tax_permit');
    expect(await schemasIn(ownDatabases.gateway)).toContain('gateway');
  });

  it('names a topic laid out thinner than configured in a warning, and leaves it as it is', async () => {
    const topic = `cbec.test.thin-${Date.now()}`;
    // Known to the brokers a moment after creation: ensureTopics waits for its leaders.
    await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1, configEntries: [{ name: 'min.insync.replicas', value: '1' }] }], waitForLeaders: false });
    const warnings: string[] = [];
    const log = { warn: (_: unknown, line: string) => warnings.push(line) } as unknown as Logger;
    await ensureTopics(admin, [topic], { partitions: 6 }, log);
    expect(warnings).toEqual([
      `topic ${topic} has 2 partitions, fewer than the 6 configured; it is used as it is (raise it with the cluster's tools)`,
      `topic ${topic} has 1 replicas, fewer than the replication factor 3 configured; it is used as it is (raise it with the cluster's tools)`,
      `topic ${topic} has min.insync.replicas 1, fewer than the 2 configured; it is used as it is (raise it with the cluster's tools)`,
    ]);
    // Every broker learns of a new topic in its own time: asked one that has not yet, kafkajs throws.
    expect(await eventually(() => describeTopics(admin, [topic]), { what: `the layout of ${topic}` })).toEqual([{ topic, partitions: 2, replicas: 1, minInsyncReplicas: 1 }]);
    await admin.deleteTopics({ topics: [topic] });
  });

  it('kill -9 of the broker leading the busiest partitions mid-load, started again 10 s later', async () => {
    let killed = 0;
    const report = await underLoad('cluster: leader killed', 20, async () => {
      killed = await busiestLeader(admin);
      await cluster.kill(killed);
      await sleep(10_000);
      await cluster.start(killed);
      await inSync(admin);
    }, { ownDatabases });
    say(`cluster: leader killed was broker ${killed}`);
    expectNothingLostNothingTwice(report);
  }, 400_000);

  it('a rolling restart of the three brokers, one by one, each back in sync before the next', async () => {
    const report = await underLoad('cluster: rolling restart', 20, async () => {
      for (const nodeId of cluster.nodeIds) {
        await cluster.stop(nodeId);
        await cluster.start(nodeId);
        await inSync(admin);
      }
    }, { throughFault: true, ownDatabases });
    expectNothingLostNothingTwice(report);
  }, 400_000);

  it('two brokers down at once: producers wait, nothing acknowledged is lost, and all resumes when one returns', async () => {
    const [first, second] = cluster.nodeIds.slice(1);
    let downAt = 0;
    let backAt = 0;
    let publishedWhileDown = -1;
    let resumedMs = 0;
    const report = await underLoad('cluster: two brokers down', 20, async (load) => {
      await Promise.all([cluster.kill(first), cluster.kill(second)]);
      downAt = Date.now();
      await sleep(12_000);
      // With one copy reachable of the two min.insync.replicas asks for, no write is acknowledged:
      // no outbox row was marked published (the last acknowledgements before the kill aside).
      publishedWhileDown = await publishedBetween(downAt + 3_000, Date.now(), ownDatabases);
      backAt = Date.now();
      await cluster.start(first);
      // Two brokers are enough: events reach the platform again before the third returns.
      resumedMs = await eventually(() => load.firstProgressAfterMs(backAt), { timeoutMs: 90_000, intervalMs: 200, what: `events reaching the platform with broker ${first} back` });
      await cluster.start(second);
      await inSync(admin);
    }, { ownDatabases });
    say(`cluster: two brokers down: brokers ${first} and ${second} down ${((backAt - downAt) / 1000).toFixed(1)} s, ${publishedWhileDown} outbox rows published meanwhile; the platform heard again ${(resumedMs / 1000).toFixed(1)} s after broker ${first} was started again, before broker ${second}`);
    expect(publishedWhileDown).toBe(0);
    expectNothingLostNothingTwice(report);
  }, 400_000);

  it('rebuilds, from the replicated topics, a read model equal to the live one in the gateway\'s own database', async () => {
    const output = await rebuildReadModel({ GATEWAY_DATABASE_URL: ownDatabases.gateway });
    const [, compared] = /compared (\d+) orders: \d+ equal, 0 different/.exec(output) ?? [];
    expect(Number(compared)).toBeGreaterThan(90);
  }, 180_000);
});

/** The broker that leads the partitions holding the most events of the system's topics. */
async function busiestLeader(admin: Admin): Promise<number> {
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith('cbec.'));
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
  const events = new Map<number, number>();
  for (const topic of metadata) {
    const offsets = await admin.fetchTopicOffsets(topic.name);
    for (const partition of topic.partitions) {
      const high = Number(offsets.find((o) => o.partition === partition.partitionId)?.high ?? 0);
      events.set(partition.leader, (events.get(partition.leader) ?? 0) + high);
    }
  }
  return [...events].sort((a, b) => b[1] - a[1])[0][0];
}

/** Resolves once every partition of every topic (the consumer offsets included) has all its copies in sync. */
async function inSync(admin: Admin): Promise<void> {
  await eventually(
    async () => {
      const { topics } = await admin.fetchTopicMetadata({ topics: await admin.listTopics() });
      return topics.every((topic) => topic.partitions.every((p) => p.leader >= 0 && p.isr.length === p.replicas.length));
    },
    { timeoutMs: 90_000, intervalMs: 500, what: 'every partition back in sync' },
  );
}

async function schemasIn(url: string): Promise<string[]> {
  return withClient(url, async (db) => (await db.query('SELECT schema_name FROM information_schema.schemata')).rows.map((row: { schema_name: string }) => row.schema_name));
}

/** Outbox rows of every service marked published between two moments. */
async function publishedBetween(from: number, to: number, ownDatabases: OwnDatabases): Promise<number> {
  let published = 0;
  for (const url of new Set([process.env.DATABASE_URL!, ...Object.values(ownDatabases)])) {
    await withClient(url, async (db) => {
      const { rows } = await db.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox'`);
      for (const { table_schema } of rows) {
        const counted = await db.query(`SELECT count(*)::int AS n FROM "${table_schema}".outbox WHERE published_at BETWEEN to_timestamp($1 / 1000.0) AND to_timestamp($2 / 1000.0)`, [from, to]);
        published += counted.rows[0].n;
      }
    });
  }
  return published;
}
