// The consumer's use of the connection pool, on the real PostgreSQL: batches are handed to it as
// kafkajs would, without a broker.
import { randomUUID } from 'node:crypto';
import type { EachBatchPayload, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createEvent, encodeEvent } from './cloud-event';
import { EventConsumer } from './consumer';
import { DeadLetterStore } from './dead-letters';
import type { EventHandler } from './handler';
import { createLogger } from './logger';
import { Outbox } from './publisher';
import { messagingMigration, messagingTables } from './tables';

const log = createLogger('consumer-test', 'warn');
const POOL_SIZE = 3;

describe('the consumer and the connection pool', () => {
  let dataSource: DataSource;
  let schema: string;

  beforeAll(async () => {
    schema = `consumer_${randomUUID().slice(0, 8)}`;
    dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, schema, migrations: [messagingMigration(schema)], extra: { max: POOL_SIZE } });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA "${schema}"`);
    await dataSource.runMigrations();
    await dataSource.query(`CREATE TABLE "${schema}".applied (event_id text NOT NULL)`);
  });

  afterAll(() => dataSource.destroy());

  /** A partition's batch of one event, as kafkajs hands it to the consumer. */
  function batchOf(topic: string, partition: number): EachBatchPayload {
    const event = createEvent({ type: 'test.gated', source: '/test', subject: `p/${topic}`, data: { platformId: 'p', orderId: topic } });
    const { value, headers } = encodeEvent(event);
    return {
      batch: { topic, partition, messages: [{ offset: '0', key: Buffer.from(event.subject), value, headers, timestamp: String(Date.now()), attributes: 0 }] },
      resolveOffset: () => undefined,
      heartbeat: async () => undefined,
      commitOffsetsIfNecessary: async () => undefined,
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload;
  }

  it('keeps pool connections free for other queries while runs of one partition number wait for their turn', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // Holds its transaction (and the partition's turn) until the gate opens.
    const gated: EventHandler = {
      eventType: 'test.gated',
      async handle(event, { manager }) {
        await gate;
        await manager.query(`INSERT INTO "${schema}".applied (event_id) VALUES ($1)`, [event.id]);
      },
    };
    const tables = messagingTables(schema);
    const outbox = new Outbox(tables, '/services/consumer-test');
    const topics = Array.from({ length: POOL_SIZE + 2 }, (_, i) => `test.turns-${i}`);
    const consumer = new EventConsumer(
      undefined as unknown as Kafka,
      dataSource,
      tables,
      outbox,
      new DeadLetterStore(dataSource, tables, outbox, 'consumer-test'),
      { groupId: 'turns', subscriptions: topics.map((topic) => ({ topic })), handlers: [gated], retry: { attempts: 3, initialBackoffMs: 50, maxBackoffMs: 200 }, concurrency: topics.length },
      log,
    );

    // Partition 0 of every topic: the runs take turns, the first holding the turn until the gate opens.
    const batches = topics.map((topic) => consumer.onBatch(batchOf(topic, 0)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const began = Date.now();
    const answer = await Promise.race([dataSource.query('SELECT 1 AS one'), new Promise((resolve) => setTimeout(() => resolve('no connection within 2 s'), 2_000))]);
    const waitedMs = Date.now() - began;
    open();
    await Promise.all(batches);

    expect(answer).toEqual([{ one: 1 }]);
    expect(waitedMs).toBeLessThan(1_000);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".applied`);
    expect(n).toBe(topics.length);
  });
});
