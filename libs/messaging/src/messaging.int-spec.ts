// The delivery guarantees of libs/messaging, on the real Kafka and PostgreSQL of the harness.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deadLetterTopic, OPS_COMMANDS, OPS_EVENTS, serviceEventsTopic, TOPICS } from '@cbec/contracts';
import { eventually, TestPublisher, TopicProbe } from '@cbec/testing';
import { createEvent, encodeEvent } from './cloud-event';
import { EventHandler, forEachEvent } from './handler';
import { Housekeeping } from './housekeeping';
import { createLogger } from './logger';
import { Messaging } from './messaging';
import { OutboxRelay } from './outbox-relay';
import { messagingMigration, messagingTables } from './tables';
import { timerBatch, timerScheduler } from './timers';

const log = createLogger('messaging-test', 'warn');
const brokers = () => process.env.KAFKA_BROKERS!.split(',');

describe('messaging on real Kafka and PostgreSQL', () => {
  let dataSource: DataSource;
  let schema: string;
  let publisher: TestPublisher;
  const running: Messaging[] = [];
  const probes: TopicProbe[] = [];

  beforeAll(async () => {
    schema = `msg_${randomUUID().slice(0, 8)}`;
    dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, schema, migrations: [messagingMigration(schema)], extra: { max: 20 } });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA "${schema}"`);
    await dataSource.runMigrations();
    await dataSource.query(`CREATE TABLE "${schema}".applied (event_id text NOT NULL, note text)`);
    await dataSource.query(`CREATE TABLE "${schema}".counter (key text PRIMARY KEY, n int NOT NULL)`);
    await dataSource.query(`CREATE TABLE "${schema}".commit_seq (event_id text PRIMARY KEY, key text NOT NULL, n int NOT NULL)`);
    publisher = await TestPublisher.start();
  });

  afterAll(async () => {
    for (const m of running) await m.stop();
    for (const p of probes) await p.stop();
    await publisher.stop();
    await dataSource.destroy();
  });

  /** A schema of its own, so that this test's relay is the only one publishing its outbox. */
  async function freshSchema(): Promise<string> {
    const own = `msg_${randomUUID().slice(0, 8)}`;
    await dataSource.query(`CREATE SCHEMA "${own}"`);
    const runner = dataSource.createQueryRunner();
    await new (messagingMigration(own))().up(runner);
    await runner.release();
    return own;
  }

  async function startMessaging(topic: string, handlers: EventHandler[] = [], retryAttempts = 3, ownSchema = schema): Promise<Messaging> {
    const messaging = new Messaging({
      brokers: brokers(),
      service: 'messaging-test',
      schema: ownSchema,
      dataSource,
      log,
      topics: [topic],
      partitions: 3,
      relay: { pollIntervalMs: 200 },
      consumer: handlers.length
        ? { groupId: `group-${randomUUID().slice(0, 8)}`, subscriptions: [{ topic }], handlers, retry: { attempts: retryAttempts, initialBackoffMs: 50, maxBackoffMs: 200 } }
        : undefined,
    });
    await messaging.start();
    running.push(messaging);
    return messaging;
  }

  async function probe(topic: string): Promise<TopicProbe> {
    const p = await TopicProbe.start([topic]);
    probes.push(p);
    return p;
  }

  const recordingHandler = (type: string): Required<Pick<EventHandler, 'eventType' | 'handle'>> => ({
    eventType: type,
    async handle(event, { manager }) {
      await manager.query(`INSERT INTO "${schema}".applied (event_id) VALUES ($1)`, [event.id]);
    },
  });

  const appliedCount = async (eventId: string) =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM "${schema}".applied WHERE event_id = $1`, [eventId]))[0].n);

  it('publishes an event after its transaction commits and never one whose transaction rolled back', async () => {
    const topic = `test.outbox.${randomUUID().slice(0, 8)}`;
    const messaging = await startMessaging(topic);
    const seen = await probe(topic);

    await expect(
      dataSource.transaction(async (manager) => {
        await messaging.outbox.publish(manager, [{ topic, type: 'test.rolled-back', subject: 'p/rolled-back', data: { platformId: 'p', orderId: 'rolled-back' } }]);
        throw new Error('business failure after the event was written');
      }),
    ).rejects.toThrow('business failure');
    await dataSource.transaction((manager) => messaging.outbox.publish(manager, [{ topic, type: 'test.committed', subject: 'p/committed', data: { platformId: 'p', orderId: 'committed' } }]));

    await seen.waitFor((m) => m.json?.type === 'test.committed');
    expect(seen.messages.map((m) => m.json.type)).toEqual(['test.committed']);
    expect(seen.messages[0].headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    expect(seen.messages[0].key).toBe('p/committed');
  });

  it('publishes again after a relay dies between publishing and marking, and the consumer applies the event once', async () => {
    const topic = `test.crash.${randomUUID().slice(0, 8)}`;
    const crashSchema = await freshSchema();
    const consumerSide = await startMessaging(topic, [recordingHandler('test.crash')], 3, crashSchema);
    const seen = await probe(topic);
    // This service's own relay is stopped; a relay that "crashes" after send takes its place.
    await (consumerSide as any).relay.stop();

    // Dies for good right after its first publish, before marking the rows: a process killed there.
    class CrashingRelay extends OutboxRelay {
      protected async markPublished(): Promise<void> {
        void this.stop();
        throw new Error('killed between publish and mark');
      }
    }
    const producer = consumerSide.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const pool = (dataSource.driver as any).master;
    const broker = (consumerSide as any).relay.broker;
    const crashing = new CrashingRelay(pool, producer, messagingTables(crashSchema), log, { pollIntervalMs: 100, batchSize: 10, retentionMs: 60_000 }, broker);

    const [event] = await dataSource.transaction((manager) => consumerSide.outbox.publish(manager, [{ topic, type: 'test.crash', subject: 'p/crash', data: { platformId: 'p', orderId: 'crash' } }]));
    crashing.start();
    await seen.waitFor((m) => m.json?.id === event.id);
    await crashing.stop();
    const [unmarked] = await dataSource.query(`SELECT published_at FROM "${crashSchema}".outbox`);
    expect(unmarked.published_at).toBeNull();

    const recovered = new OutboxRelay(pool, producer, messagingTables(crashSchema), log, { pollIntervalMs: 100, batchSize: 10, retentionMs: 60_000 }, broker);
    recovered.start();
    await seen.waitFor((m) => m.json?.id === event.id, { count: 2, what: 'the event published a second time' });
    await recovered.stop();
    await producer.disconnect();

    await eventually(async () => (await appliedCount(event.id)) === 1, { what: 'the event applied' });
    await eventually(async () => (await consumerSide.consumerLagNow()) === 0, { what: 'the consumer to catch up' });
    expect(await appliedCount(event.id)).toBe(1);
  });

  it('changes state once when the same event is delivered twice', async () => {
    const topic = `test.dup.${randomUUID().slice(0, 8)}`;
    const messaging = await startMessaging(topic, [recordingHandler('test.dup')]);
    const event = createEvent({ type: 'test.dup', source: '/test', subject: 'p/dup', data: { platformId: 'p', orderId: 'dup' } });
    const { value, headers } = encodeEvent(event);
    await publisher.send(topic, { key: event.subject, value, headers });
    await publisher.send(topic, { key: event.subject, value, headers });

    await eventually(async () => (await messaging.consumerLagNow()) === 0, { what: 'both deliveries consumed' });
    expect(await appliedCount(event.id)).toBe(1);
  });

  it('dead-letters a poison message after the configured attempts, and processes it when replayed after the fix', async () => {
    const topic = `test.poison.${randomUUID().slice(0, 8)}`;
    let bugFixed = false;
    const handler: EventHandler = {
      eventType: 'test.poison',
      async handle(event, context) {
        if (!bugFixed) throw new Error('handler bug: cannot process this event');
        await recordingHandler('test.poison').handle(event, context);
      },
    };
    const messaging = await startMessaging(topic, [handler], 3);
    const group = (messaging as any).config.consumer.groupId;
    const dlq = await probe(deadLetterTopic(group));
    const event = createEvent({ type: 'test.poison', source: '/test', subject: 'p/poison', data: { platformId: 'p', orderId: 'poison' } });
    const { value, headers } = encodeEvent(event);
    await publisher.send(topic, { key: event.subject, value, headers });

    const [dead] = await dlq.waitFor((m) => m.json?.id === event.id);
    expect(dead.headers).toMatchObject({
      'dlq-original-topic': topic,
      'dlq-consumer-group': group,
      'dlq-attempts': '3',
      'dlq-reason': expect.stringContaining('handler bug: cannot process this event'),
    });
    expect(Number(dead.headers['dlq-original-partition'])).toBeGreaterThanOrEqual(0);
    expect(dead.headers['dlq-original-offset']).toMatch(/^\d+$/);
    expect(dead.key).toBe('p/poison');
    expect(await appliedCount(event.id)).toBe(0);

    const [listed] = await messaging.deadLetters.list();
    expect(listed).toMatchObject({ id: dead.headers['dlq-id'], topic, attempts: 3, consumerGroup: group });
    expect(JSON.parse(listed.payload).id).toBe(event.id);

    bugFixed = true;
    await messaging.deadLetters.replay(listed.id);
    await eventually(async () => (await appliedCount(event.id)) === 1, { what: 'the replayed event processed' });
  });

  it('announces a dead letter on the service topic and replays it when ops send the replay command', async () => {
    const topic = `test.ops-replay.${randomUUID().slice(0, 8)}`;
    let bugFixed = false;
    const handler: EventHandler = {
      eventType: 'test.ops-replay',
      async handle(event, context) {
        if (!bugFixed) throw new Error('not yet');
        await recordingHandler('test.ops-replay').handle(event, context);
      },
    };
    const messaging = await startMessaging(topic, [handler], 1);
    const group = (messaging as any).config.consumer.groupId;
    const serviceTopic = await probe(serviceEventsTopic('messaging-test'));
    const event = createEvent({ type: 'test.ops-replay', source: '/test', subject: 'p/ops-replay', data: { platformId: 'p', orderId: 'ops-replay' } });
    const { value, headers } = encodeEvent(event);
    await publisher.send(topic, { key: event.subject, value, headers });

    const [announced] = await serviceTopic.waitFor((m) => m.json?.type === OPS_EVENTS.messageDeadLettered && m.json.data.topic === topic);
    expect(announced.json.data).toMatchObject({ consumerGroup: group, topic, attempts: 1, reason: expect.stringContaining('not yet'), key: 'p/ops-replay' });
    expect(JSON.parse(announced.json.data.payload).id).toBe(event.id);

    bugFixed = true;
    const command = createEvent({ type: OPS_COMMANDS.replayDeadLetter, source: '/services/gateway', subject: `dead-letter/${announced.json.data.id}`, data: { id: announced.json.data.id, consumerGroup: group } });
    const encoded = encodeEvent(command);
    await publisher.send(TOPICS.opsCommands, { key: command.subject, value: encoded.value, headers: encoded.headers });

    const [answer] = await serviceTopic.waitFor((m) => m.json?.type === OPS_EVENTS.deadLetterReplayed && m.json.data.requestId === command.id);
    expect(answer.json.data.outcome).toBe('APPLIED');
    await eventually(async () => (await appliedCount(event.id)) === 1, { what: 'the replayed event processed' });
  });

  it('dead-letters a message that is not a CloudEvent, with the reason, without retrying it', async () => {
    const topic = `test.garbage.${randomUUID().slice(0, 8)}`;
    const messaging = await startMessaging(topic, [recordingHandler('test.any')]);
    const dlq = await probe(deadLetterTopic((messaging as any).config.consumer.groupId));
    await publisher.send(topic, { key: 'p/garbage', value: '{not json' });
    await publisher.send(topic, { key: 'p/garbage', value: JSON.stringify({ hello: 'world' }) });

    const dead = await dlq.waitFor(() => true, { count: 2 });
    expect(dead.map((m) => m.headers['dlq-reason'])).toEqual(['value is not valid JSON', expect.stringContaining('not a CloudEvent')]);
    expect(dead.map((m) => m.value)).toEqual(['{not json', JSON.stringify({ hello: 'world' })]);
    expect(dead[0].headers['dlq-attempts']).toBe('0');
  });

  it('keeps per-key order through the relay when writers of one key race each other', async () => {
    const topic = `test.order.${randomUUID().slice(0, 8)}`;
    const messaging = await startMessaging(topic);
    const seen = await probe(topic);
    const keys = ['p/a', 'p/b', 'p/c', 'p/d'];
    for (const key of keys) await dataSource.query(`INSERT INTO "${schema}".counter (key, n) VALUES ($1, 0)`, [key]);

    // Each writer publishes first and takes its per-key number last, just before commit: the
    // counter's row lock makes the numbers follow commit order, which is the order to keep.
    const writers = Array.from({ length: 120 }, (_, i) => keys[i % keys.length]).map((key) =>
      dataSource.transaction(async (manager) => {
        const [event] = await messaging.outbox.publish(manager, [{ topic, type: 'test.step', subject: key, data: { platformId: 'p', orderId: key.slice(2) } }]);
        await manager.query('SELECT pg_sleep(random() * 0.005)');
        const [[{ n }]] = await manager.query(`UPDATE "${schema}".counter SET n = n + 1 WHERE key = $1 RETURNING n`, [key]);
        await manager.query(`INSERT INTO "${schema}".commit_seq (event_id, key, n) VALUES ($1, $2, $3)`, [event.id, key, n]);
      }),
    );
    await Promise.all(writers);
    await seen.waitFor(() => true, { count: 120 });

    const seqOf = new Map<string, number>((await dataSource.query(`SELECT event_id, n FROM "${schema}".commit_seq`)).map((r: any) => [r.event_id, r.n]));
    for (const key of keys) {
      const arrived = seen.messages.filter((m) => m.key === key).map((m) => seqOf.get(m.json.id));
      expect(arrived).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    }
  });

  it('handles a batch together, isolates the one event that fails, and keeps every key in order', async () => {
    const topic = `test.batch.${randomUUID().slice(0, 8)}`;
    const poison = new Set<string>();
    const handler: EventHandler = {
      eventType: 'test.batch',
      async handle(event, { manager }) {
        if (poison.has(event.id)) throw new Error('this one cannot be handled');
        await manager.query(`INSERT INTO "${schema}".applied (event_id, note) VALUES ($1, $2)`, [event.id, event.subject]);
      },
    };
    // Published before the consumer starts, so they arrive as large partition batches.
    const events = Array.from({ length: 90 }, (_, i) => createEvent({ type: 'test.batch', source: '/test', subject: `p/k${i % 9}`, data: { platformId: 'p', orderId: `k${i % 9}`, n: i } }));
    poison.add(events[40].id);
    await startMessaging(topic); // creates the topic
    for (const event of events) {
      const { value, headers } = encodeEvent(event);
      await publisher.send(topic, { key: event.subject, value, headers });
    }
    const messaging = await startMessaging(topic, [handler], 2);
    const dlq = await probe(deadLetterTopic((messaging as any).config.consumer.groupId));

    await dlq.waitFor((m) => m.json?.id === events[40].id);
    await eventually(async () => (await messaging.consumerLagNow()) === 0, { what: 'the batch consumed' });
    const applied: { event_id: string; note: string }[] = await dataSource.query(`SELECT event_id, note FROM "${schema}".applied WHERE event_id = ANY($1) ORDER BY ctid`, [events.map((e) => e.id)]);
    expect(applied.map((row) => row.event_id).sort()).toEqual(events.filter((_, i) => i !== 40).map((e) => e.id).sort());
    for (let k = 0; k < 9; k++) {
      const expected = events.filter((e, i) => e.subject === `p/k${k}` && i !== 40).map((e) => e.id);
      expect(applied.filter((row) => row.note === `p/k${k}`).map((row) => row.event_id)).toEqual(expected);
    }
  });

  it('gives a handler that takes runs its events together, in order, once each', async () => {
    const topic = `test.run.${randomUUID().slice(0, 8)}`;
    const calls: number[] = [];
    const handler: EventHandler = {
      eventType: ['test.run-a', 'test.run-b'],
      handle: async () => {
        throw new Error('handleAll takes every event here');
      },
      async handleAll(events, { manager }) {
        calls.push(events.length);
        for (const event of events) await manager.query(`INSERT INTO "${schema}".applied (event_id, note) VALUES ($1, $2)`, [event.id, event.subject]);
      },
    };
    const events = Array.from({ length: 60 }, (_, i) => createEvent({ type: i % 2 ? 'test.run-a' : 'test.run-b', source: '/test', subject: 'p/run', data: { platformId: 'p', orderId: 'run' } }));
    await startMessaging(topic); // creates the topic
    for (const event of [...events, events[5]]) {
      const { value, headers } = encodeEvent(event);
      await publisher.send(topic, { key: event.subject, value, headers });
    }
    const messaging = await startMessaging(topic, [handler]);
    await eventually(async () => (await messaging.consumerLagNow()) === 0, { what: 'the run consumed' });
    const applied: { event_id: string }[] = await dataSource.query(`SELECT event_id FROM "${schema}".applied WHERE note = 'p/run' ORDER BY ctid`);
    expect(applied.map((row) => row.event_id)).toEqual(events.map((e) => e.id));
    expect(Math.max(...calls)).toBeGreaterThan(1);
  });

  it('goes on publishing while a prune of the outbox waits for rows locked elsewhere', async () => {
    const topic = `test.prune-stall.${randomUUID().slice(0, 8)}`;
    const own = await freshSchema();
    const tables = messagingTables(own);
    await dataSource.query(`INSERT INTO ${tables.outbox} (topic, key, value, published_at) SELECT 't', 'k', '\\x00'::bytea, now() - interval '2 hours' FROM generate_series(1, 50)`);
    const pruneWaits = async () =>
      (await dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`, [`DELETE FROM ${tables.outbox}%`])).length > 0;
    const oldRows = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM ${tables.outbox} WHERE published_at < now() - interval '1 hour'`))[0].n;

    // Another transaction holds the rows past their retention, so the prune that deletes them waits.
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT id FROM ${tables.outbox} WHERE published_at IS NOT NULL FOR UPDATE`);
      const messaging = await startMessaging(topic, [], 3, own);
      const seen = await probe(topic);
      await eventually(pruneWaits, { what: 'the prune to wait for the locked rows' });

      await dataSource.transaction((manager) => messaging.outbox.publish(manager, [{ topic, type: 'test.during-prune', subject: 'p/during-prune', data: { platformId: 'p', orderId: 'during-prune' } }]));
      await seen.waitFor((m) => m.json?.type === 'test.during-prune', { timeoutMs: 10_000, what: 'the event published while the prune waits' });
      expect(await pruneWaits()).toBe(true);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    await eventually(async () => (await oldRows()) === 0, { what: 'the prune to finish once the rows are free' });
  });

  /** Events of 9 keys, published before the consumer starts so that they arrive as large partition batches. */
  async function publishedBatch(topic: string, type: string, count: number) {
    const events = Array.from({ length: count }, (_, i) => createEvent({ type, source: '/test', subject: `p/k${i % 9}`, data: { platformId: 'p', orderId: `k${i % 9}`, n: i } }));
    await startMessaging(topic); // creates the topic
    for (const event of events) {
      const { value, headers } = encodeEvent(event);
      await publisher.send(topic, { key: event.subject, value, headers });
    }
    return events;
  }

  /** Every event but the poison applied once, each key's in the order sent. */
  async function expectAppliedAllBut(events: { id: string; subject?: string }[], poisonIndex: number) {
    const applied: { event_id: string; note: string }[] = await dataSource.query(`SELECT event_id, note FROM "${schema}".applied WHERE event_id = ANY($1) ORDER BY ctid`, [events.map((e) => e.id)]);
    expect(applied.map((row) => row.event_id).sort()).toEqual(events.filter((_, i) => i !== poisonIndex).map((e) => e.id).sort());
    for (let k = 0; k < 9; k++) {
      const expected = events.filter((e, i) => e.subject === `p/k${k}` && i !== poisonIndex).map((e) => e.id);
      expect(applied.filter((row) => row.note === `p/k${k}`).map((row) => row.event_id)).toEqual(expected);
    }
  }

  it('isolates the one event a handler of runs names as failed: its batch-mates commit together, it is dead-lettered', async () => {
    const topic = `test.run-poison.${randomUUID().slice(0, 8)}`;
    const calls: string[][] = [];
    let poisonId = '';
    const handler: EventHandler = {
      eventType: 'test.run-poison',
      handle: async () => {
        throw new Error('handleAll takes every event here');
      },
      async handleAll(events, { manager }) {
        calls.push(events.map((event) => event.id));
        const rows: { id: string; subject: string }[] = [];
        await forEachEvent(events, (event) => {
          if (event.id === poisonId) throw new Error('this one cannot be handled');
          rows.push({ id: event.id, subject: event.subject! });
        });
        await manager.query(`INSERT INTO "${schema}".applied (event_id, note) SELECT * FROM unnest($1::text[], $2::text[])`, [rows.map((r) => r.id), rows.map((r) => r.subject)]);
      },
    };
    const events = await publishedBatch(topic, 'test.run-poison', 90);
    poisonId = events[40].id;
    const messaging = await startMessaging(topic, [handler], 2);
    const dlq = await probe(deadLetterTopic((messaging as any).config.consumer.groupId));

    const [dead] = await dlq.waitFor((m) => m.json?.id === poisonId);
    expect(dead.headers['dlq-reason']).toContain('this one cannot be handled');
    expect(dead.headers['dlq-attempts']).toBe('2');
    await eventually(async () => (await messaging.consumerLagNow()) === 0, { what: 'the batch consumed' });
    await expectAppliedAllBut(events, 40);
    // The poison was first in a run with others, then tried alone (twice); its batch-mates went on in
    // runs (at most the one before it and the one after it can be a single event).
    const withPoison = calls.filter((ids) => ids.includes(poisonId));
    expect(withPoison[0].length).toBeGreaterThan(1);
    expect(withPoison.slice(1)).toEqual([[poisonId], [poisonId]]);
    expect(calls.filter((ids) => ids.length === 1 && ids[0] !== poisonId).length).toBeLessThanOrEqual(2);
  });

  it('tries each event of a run alone when its handler of runs cannot say which one failed', async () => {
    const topic = `test.run-unnamed.${randomUUID().slice(0, 8)}`;
    let poisonId = '';
    const handler: EventHandler = {
      eventType: 'test.run-unnamed',
      handle: async () => {
        throw new Error('handleAll takes every event here');
      },
      async handleAll(events, { manager }) {
        // One statement for the run: a bad row fails it, and with it every event of the call (a
        // column in the divisor, so PostgreSQL cannot fold the division when it plans).
        await manager.query(`INSERT INTO "${schema}".applied (event_id, note) SELECT id, CASE WHEN id = $3 THEN (1 / (length(id) - length(id)))::text ELSE note END FROM unnest($1::text[], $2::text[]) AS t(id, note)`, [
          events.map((e) => e.id),
          events.map((e) => e.subject),
          poisonId,
        ]);
      },
    };
    const events = await publishedBatch(topic, 'test.run-unnamed', 45);
    poisonId = events[20].id;
    const messaging = await startMessaging(topic, [handler], 2);
    const dlq = await probe(deadLetterTopic((messaging as any).config.consumer.groupId));

    const [dead] = await dlq.waitFor((m) => m.json?.id === poisonId);
    expect(dead.headers['dlq-reason']).toContain('division by zero');
    await eventually(async () => (await messaging.consumerLagNow()) === 0, { what: 'the batch consumed' });
    await expectAppliedAllBut(events, 20);
  });

  it('has a run wait whole, not split, when its handler of runs fails on something that heals', async () => {
    const topic = `test.run-heals.${randomUUID().slice(0, 8)}`;
    const calls: number[] = [];
    let failures = 2;
    const handler: EventHandler = {
      eventType: 'test.run-heals',
      handle: async () => {
        throw new Error('handleAll takes every event here');
      },
      async handleAll(events, { manager }) {
        calls.push(events.length);
        if (failures-- > 0) throw Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' });
        await manager.query(`INSERT INTO "${schema}".applied (event_id, note) SELECT * FROM unnest($1::text[], $2::text[])`, [events.map((e) => e.id), events.map((e) => e.subject)]);
      },
    };
    const events = await publishedBatch(topic, 'test.run-heals', 30);
    const messaging = await startMessaging(topic, [handler]);
    await eventually(async () => (await messaging.consumerLagNow()) === 0, { what: 'the batch consumed' });
    await expectAppliedAllBut(events, -1);
    expect(Math.min(...calls)).toBeGreaterThan(1);
  });

  it("writes a run's timers as what setting and cancelling them one after another would leave", async () => {
    const own = await freshSchema();
    const tables = messagingTables(own);
    type Call = ['schedule', string, number] | ['cancel', string];
    // Each case is one timer (kind k, its own subject), a row before or none, and the calls of a run.
    const cases: { before?: 'unfired' | 'fired'; calls: Call[] }[] = [
      { calls: [['schedule', 'c1', 1]] },
      { before: 'unfired', calls: [['schedule', 'c1', 1]] },
      { before: 'fired', calls: [['schedule', 'c1', 1], ['schedule', 'c2', 2]] },
      { before: 'unfired', calls: [['cancel', 'c1']] },
      { before: 'fired', calls: [['cancel', 'c1']] },
      { before: 'fired', calls: [['schedule', 'c1', 1], ['cancel', 'c2']] },
      { before: 'fired', calls: [['cancel', 'c1'], ['schedule', 'c2', 2]] },
      { before: 'unfired', calls: [['cancel', 'c1'], ['schedule', 'c2', 2], ['cancel', 'c3']] },
      { calls: [['cancel', 'c1'], ['schedule', 'c2', 2], ['schedule', 'c3', 3]] },
    ];
    const dueAt = (n: number) => new Date(Date.UTC(2030, 0, n));
    const run = async (prefix: string, schedulerFor: (manager: any, subject: string, correlationId: string) => ReturnType<typeof timerScheduler>, flush?: (manager: any) => Promise<void>) =>
      dataSource.transaction(async (manager) => {
        const inner = flush ? timerBatch(manager, tables) : undefined;
        for (const [i, { before, calls }] of cases.entries()) {
          const subject = `${prefix}/${i}`;
          if (before) await manager.query(`INSERT INTO ${tables.timer} (kind, subject, due_at, correlation_id, fired_at) VALUES ('k', $1, $2, 'c0', $3)`, [subject, dueAt(9), before === 'fired' ? new Date() : null]);
          for (const call of calls) {
            const timers = inner ? inner.schedulerFor(subject, call[1]) : schedulerFor(manager, subject, call[1]);
            if (call[0] === 'schedule') await timers.schedule('k', dueAt(call[2]), { n: call[2] });
            else await timers.cancel('k');
          }
        }
        await inner?.flush();
      });
    await run('one-by-one', (manager, subject, correlationId) => timerScheduler(manager, tables, subject, correlationId));
    await run('batched', () => undefined as any, async () => undefined);
    const rows = async (prefix: string) =>
      (await dataSource.query(`SELECT subject, due_at, data, correlation_id, fired_at IS NOT NULL AS fired FROM ${tables.timer} WHERE subject LIKE $1 ORDER BY subject`, [`${prefix}/%`])).map(
        ({ subject, ...row }: { subject: string }) => ({ ...row, i: subject.split('/')[1] }),
      );
    const oneByOne = await rows('one-by-one');
    expect(oneByOne.length).toBeGreaterThan(3);
    expect(await rows('batched')).toEqual(oneByOne);
  });

  it('prunes published outbox rows past their retention and inbox rows past the dedup window, and only those', async () => {
    const own = await freshSchema();
    const tables = messagingTables(own);
    await dataSource.query(`INSERT INTO ${tables.outbox} (topic, key, value, published_at) SELECT 't', 'k', '\\x00'::bytea, now() - interval '2 hours' FROM generate_series(1, 1200)`);
    await dataSource.query(`INSERT INTO ${tables.outbox} (topic, key, value, published_at) SELECT 't', 'k', '\\x00'::bytea, now() FROM generate_series(1, 7)`);
    await dataSource.query(`INSERT INTO ${tables.processedEvent} (consumer_group, event_id, processed_at) SELECT 'g', 'old-' || n, now() - interval '8 days' FROM generate_series(1, 1300) n`);
    await dataSource.query(`INSERT INTO ${tables.processedEvent} (consumer_group, event_id) SELECT 'g', 'new-' || n FROM generate_series(1, 9) n`);
    await new Housekeeping((dataSource.driver as any).master, tables, log, { retentionMs: 3_600_000, dedupWindowMs: 7 * 86_400_000, pruneBatchSize: 500 }).tidy();

    const [{ n: outboxLeft }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${tables.outbox}`);
    const [{ n: inboxLeft }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${tables.processedEvent} WHERE event_id LIKE 'new-%'`);
    const [{ n: inboxAll }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${tables.processedEvent}`);
    expect(outboxLeft).toBe(7);
    expect(inboxLeft).toBe(9);
    expect(inboxAll).toBe(9);
  });
});

