// The relay never wedges on size (issue 15): its sends are cut below what the topic accepts, as
// the cluster says; a row no send can carry is set aside as a dead letter ops see and can replay,
// and the rows behind it go on. On the real broker, with a topic whose limit is made small.
import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import { OPS_EVENTS, serviceEventsTopic } from '@cbec/contracts';
import { eventually, testKafka, TopicProbe } from '@cbec/testing';
import { createLogger } from './logger';
import { Messaging } from './messaging';
import { ProduceLimits } from './produce-limits';
import { messagingMigrations, messagingTables } from './tables';

const log = createLogger('relay-size-test', 'error');
const SERVICE = 'relay-size-test';

describe('the outbox relay under the broker size limits', () => {
  let dataSource: DataSource;
  let admin: Admin;
  const stops: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    admin = testKafka().admin();
    await admin.connect();
    dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 10 } });
    await dataSource.initialize();
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    await admin.disconnect();
    await dataSource.destroy();
  });

  /** A topic that accepts at most `maxBytes` per record batch, and a Messaging of its own schema publishing to it. */
  async function setUp(maxBytes: number, limits?: (admin: Admin) => ProduceLimits) {
    const topic = `test.size.${randomUUID().slice(0, 8)}`;
    const schema = `size_${randomUUID().slice(0, 8)}`;
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: String(maxBytes) }] }] });
    await dataSource.query(`CREATE SCHEMA "${schema}"`);
    const runner = dataSource.createQueryRunner();
    for (const Migration of messagingMigrations(schema)) await new Migration().up(runner);
    await runner.release();
    const messaging = new Messaging({ brokers: process.env.KAFKA_BROKERS!.split(','), service: SERVICE, schema, dataSource, log, topics: [topic], partitions: 3, relay: { pollIntervalMs: 100 } });
    if (limits) (messaging as any).relay.broker.limits = limits((messaging as any).admin);
    /** Starts the relay (the topics are there once it has started), and a probe of its topics. */
    const start = async () => {
      await messaging.start();
      stops.push(() => messaging.stop());
      const probe = await TopicProbe.start([topic, serviceEventsTopic(SERVICE)]);
      stops.push(() => probe.stop());
      return probe;
    };
    return { topic, tables: messagingTables(schema), messaging, start };
  }

  /** `count` events of ~`bytes` each over five orders, written in one transaction. */
  async function write(messaging: Messaging, topic: string, count: number, bytes: number, tag: string) {
    const events = Array.from({ length: count }, (_, n) => ({ topic, type: 'test.sized', subject: `p/${tag}-${n % 5}`, data: { platformId: 'p', orderId: `${tag}-${n % 5}`, n, padding: 'x'.repeat(bytes) } }));
    return dataSource.transaction((manager) => messaging.outbox.publish(manager, events));
  }

  it('cuts a backlog far over the topic limit into accepted sends, sets aside the one record too large for any, and publishes the rest in order', async () => {
    const { topic, tables, messaging, start } = await setUp(20_000);
    // Written before the relay starts, so its first pass finds ~300 KB behind one oversized row.
    const before = await write(messaging, topic, 150, 1_000, 'before');
    const [oversized] = await write(messaging, topic, 1, 30_000, 'oversized');
    const after = await write(messaging, topic, 150, 1_000, 'after');
    const probe = await start();

    const published = await probe.waitFor((m) => m.topic === topic, { count: 300, what: 'every record that fits', timeoutMs: 30_000 });
    expect(new Set(published.map((m) => m.json.id))).toEqual(new Set([...before, ...after].map((e) => e.id)));
    // Per order, in the order written.
    for (let order = 0; order < 5; order++) {
      const ns = published.filter((m) => m.key === `p/before-${order}`).map((m) => m.json.data.n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
    // The oversized row: out of the outbox, a dead letter with its reason and its order's key, announced to ops.
    const announced = await probe.waitFor((m) => m.json?.type === OPS_EVENTS.messageDeadLettered && m.json.data.topic === topic, { what: 'the dead-letter announcement' });
    expect(announced[0].json.data).toMatchObject({ topic, partition: -1, key: 'p/oversized-0', consumerGroup: SERVICE });
    expect(announced[0].json.data.reason).toMatch(/over the 20000 bytes topic .* accepts \(max\.message\.bytes\)/);
    await eventually(async () => Number((await dataSource.query(`SELECT count(*) FROM ${tables.outbox} WHERE published_at IS NULL`))[0].count) === 0, { what: 'the outbox drained' });
    const letters = await messaging.deadLetters.list();
    expect(letters).toHaveLength(1);
    expect(JSON.parse(letters[0].payload).id).toBe(oversized.id);
    expect(published.some((m) => m.json.id === oversized.id)).toBe(false);

    // Once the topic takes it, ops' replay publishes it.
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: [{ name: 'max.message.bytes', value: '100000' }] }] });
    (messaging as any).relay.broker.limits.forget();
    await messaging.deadLetters.replay(letters[0].id);
    await probe.waitFor((m) => m.json?.id === oversized.id, { what: 'the replayed record' });
  });

  it('halves a send the broker refuses for its size, when the limit it was cut by is out of date', async () => {
    // Limits that say ten times what the topic takes: the broker is the one to refuse.
    class OutOfDate extends ProduceLimits {
      async of(topics: Iterable<string>) {
        return new Map([...new Set(topics)].map((topic) => [topic, 200_000] as [string, number]));
      }
    }
    const { topic, messaging, start } = await setUp(20_000, (a) => new OutOfDate(a));
    const written = await write(messaging, topic, 100, 1_000, 'halved');
    const [tooLarge] = await write(messaging, topic, 1, 25_000, 'refused');
    const probe = await start();

    // A refused request may have been written on some of its partitions before the refusal: those
    // records come again (at least once; consumers' inboxes apply them once), none is missing.
    const ids = () => new Set(probe.messages.filter((m) => m.topic === topic).map((m) => m.json.id));
    await eventually(() => ids().size >= 101 || ids().size === 100, { what: 'every record that fits', timeoutMs: 30_000 });
    expect(ids()).toEqual(new Set(written.map((e) => e.id)));
    const announced = await probe.waitFor((m) => m.json?.type === OPS_EVENTS.messageDeadLettered && m.json.data.key === 'p/refused-0', { what: 'the refused record set aside' });
    expect(announced[0].json.data.reason).toMatch(/refused by the broker/);
    expect(JSON.parse((await messaging.deadLetters.list())[0].payload).id).toBe(tooLarge.id);
  });
});
