// One hop of a reference relay, as its own process: consumes a topic batch by batch and
// re-publishes every message to the next topic. The benchmark spawns one per hop.
//   bare:    consume, re-publish (producer.sendBatch), commit.
//   durable: per batch, ONE PostgreSQL transaction (a multi-row inbox insert with ON CONFLICT DO
//            NOTHING, a state upsert per key, a multi-row outbox insert), then the send, then
//            the mark of the outbox rows as published; what a service's handler, inbox and
//            outbox do per event, done per batch.
//   node test/bench/relay-hop.js --mode bare|durable --hop N --from TOPIC --to TOPIC
//        --brokers HOST:PORT [--database-url URL] [--concurrency 3]
// Prints "ready" once its consumer has joined its group.
const { randomUUID } = require('node:crypto');
const { Kafka, logLevel, Partitioners } = require('kafkajs');
const { Pool } = require('pg');

const options = {};
for (let i = 2; i < process.argv.length; i += 2) options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const MODE = options.mode;
const HOP = Number(options.hop);
const SCHEMA = `relay_hop_${HOP}`;
const GROUP = `bench-relay-${MODE}-${HOP}`;

async function main() {
  if (!['bare', 'durable'].includes(MODE)) throw new Error(`--mode must be bare or durable, got ${MODE}`);
  const kafka = new Kafka({ clientId: `relay-hop-${HOP}`, brokers: [options.brokers], logLevel: logLevel.ERROR });
  // The services' producer settings (libs/messaging): idempotent, acks all, the Java partitioner.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: GROUP, maxWaitTimeInMs: 50, allowAutoTopicCreation: false });
  const concurrency = Number(options.concurrency ?? 3);
  const pool = MODE === 'durable' ? new Pool({ connectionString: options['database-url'], max: concurrency }) : undefined;
  if (pool) await createTables(pool);
  const forward = MODE === 'durable' ? durableForward(pool, producer) : bareForward(producer);

  await producer.connect();
  await consumer.connect();
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.subscribe({ topics: [options.from], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: concurrency,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      if (batch.messages.length === 0) return;
      await forward(batch.messages);
      resolveOffset(batch.messages[batch.messages.length - 1].offset);
      await heartbeat();
    },
  });
  await joined;
  process.stdout.write('ready\n');

  const stop = async () => {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** The next hop's message: a new event id, the same key, the injection time and body kept. */
function nextMessage(kafkaMessage) {
  const event = JSON.parse(kafkaMessage.value.toString());
  return { id: event.id, key: kafkaMessage.key.toString(), value: JSON.stringify({ ...event, id: randomUUID(), hop: HOP + 1 }) };
}

function bareForward(producer) {
  return async (messages) => {
    const next = messages.map(nextMessage);
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic: options.to, messages: next.map(({ key, value }) => ({ key, value })) }] });
  };
}

function durableForward(pool, producer) {
  return async (messages) => {
    const next = messages.map(nextMessage);
    const client = await pool.connect();
    let fresh;
    let outboxIds;
    try {
      await client.query('BEGIN');
      const inbox = await client.query(
        `INSERT INTO ${SCHEMA}.processed_event (consumer_group, event_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
        [GROUP, next.map((m) => m.id)],
      );
      const freshIds = new Set(inbox.rows.map((row) => row.event_id));
      fresh = next.filter((m) => freshIds.has(m.id));
      if (fresh.length > 0) {
        const perKey = new Map();
        for (const m of fresh) perKey.set(m.key, (perKey.get(m.key) ?? 0) + 1);
        await client.query(
          `INSERT INTO ${SCHEMA}.state (key, events, updated_at) SELECT unnest($1::text[]), unnest($2::int[]), now()
           ON CONFLICT (key) DO UPDATE SET events = state.events + excluded.events, updated_at = excluded.updated_at`,
          [[...perKey.keys()], [...perKey.values()]],
        );
        const outbox = await client.query(
          `INSERT INTO ${SCHEMA}.outbox (topic, key, value) SELECT $1, unnest($2::text[]), unnest($3::bytea[]) RETURNING id`,
          [options.to, fresh.map((m) => m.key), fresh.map((m) => Buffer.from(m.value))],
        );
        outboxIds = outbox.rows.map((row) => row.id);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw error;
    }
    try {
      if (fresh.length === 0) return;
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic: options.to, messages: fresh.map(({ key, value }) => ({ key, value })) }] });
      await client.query(`UPDATE ${SCHEMA}.outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [outboxIds]);
    } finally {
      client.release();
    }
  };
}

/** The minimal inbox, state and outbox of one hop, in its own schema of the bench database. */
async function createTables(pool) {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.processed_event (consumer_group text NOT NULL, event_id text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer_group, event_id))`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.state (key text PRIMARY KEY, events int NOT NULL, updated_at timestamptz NOT NULL)`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.outbox (id bigserial PRIMARY KEY, topic text NOT NULL, key text, value bytea NOT NULL, headers jsonb NOT NULL DEFAULT '{}', created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz)`);
  await pool.query(`CREATE INDEX IF NOT EXISTS outbox_unpublished ON ${SCHEMA}.outbox (id) WHERE published_at IS NULL`);
}

main().catch((error) => {
  process.stderr.write(`relay-hop ${HOP} (${MODE}) failed: ${error.stack}\n`);
  process.exit(1);
});
