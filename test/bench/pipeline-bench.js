// The end-to-end benchmark (not a test): direct-mail orders through every service, from
// order-placed on cbec.platform.inbound to out-for-delivery on cbec.platform.outbound, and, in
// the same run, a bare kafkajs relay over the same number of hops as a floor to compare with.
//   npm run bench -- [--orders 300] [--hops 8]
// It starts its own broker (infra/kafka on port 29192, fresh) and a fresh database.
const { execFileSync } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const path = require('node:path');
const { Client } = require('pg');
const { Kafka, logLevel } = require('kafkajs');
const kafkaRunner = require('../../infra/kafka/kafka.js');
const { ROOT, serviceNames, spawnService, waitReady, stopProcess } = require('../../scripts/services');

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const ORDERS = Number(args.orders ?? 300);
// inbound -> order -> declaration -> logistics -> declaration -> inspection -> tax-permit -> logistics -> gateway -> outbound
const HOPS = Number(args.hops ?? 8);
const PORT = 29192;
const say = (line) => process.stdout.write(`[bench] ${line}\n`);

async function main() {
  say('building...');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  await kafkaRunner.stopKafka({ port: PORT });
  const broker = await kafkaRunner.startKafka({ port: PORT, fresh: true });
  const database = `cbec_bench_${Date.now()}`;
  await sql('postgres', `CREATE DATABASE ${database}`);
  const env = { KAFKA_BROKERS: broker.brokers, DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`, LOG_LEVEL: 'warn', GATEWAY_API_KEYS: 'ops:bench-ops-key' };
  const names = serviceNames();
  const children = names.map((name, i) => ({ name, port: 4300 + i, child: spawnService(name, { ...env, [`${name.toUpperCase().replace(/-/g, '_')}_PORT`]: String(4300 + i) }, () => undefined) }));
  try {
    await Promise.all(children.map(({ name, port, child }) => waitReady(name, port, child, 120_000)));
    say(`${names.length} services up; ${ORDERS} direct-mail orders`);
    const kafka = new Kafka({ clientId: 'bench', brokers: [broker.brokers], logLevel: logLevel.NOTHING });
    await warmUp(kafka);
    const pipeline = await runPipeline(kafka, ORDERS);
    const relay = await runBareRelay(kafka, ORDERS, HOPS);
    report(pipeline, relay);
  } finally {
    await Promise.all(children.map(({ child }) => stopProcess(child)));
    await broker.stop();
    await sql('postgres', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

function order(i) {
  const orderId = `BENCH${Date.now()}${i}`;
  return {
    platformId: 'bench',
    orderId,
    clearanceModel: 'DIRECT_MAIL',
    placedAt: '2026-11-11T00:00:01+08:00',
    currency: 'CNY',
    consumer: { name: 'Li Wei', idType: 'CN_RESIDENT_ID', idNumber: consumerId(i), phone: '+8613800000000', address: { province: 'Zhejiang', city: 'Hangzhou', line1: '1 Wensan Rd' } },
    payment: { provider: 'alipay', transactionId: `PAY-${orderId}`, payerName: 'Li Wei', payerIdNumber: consumerId(i), amount: '418.00', paidAt: '2026-11-11T00:00:05+08:00' },
    logistics: { carrier: 'SF-INTL', waybillNumber: `SF${orderId}` },
    items: [{ sku: 'JP-CREAM-50', name: 'Face cream 50 ml', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP' }],
    freight: '20.00',
    insurance: '0.00',
  };
}

/** A valid resident ID per order, so that no consumer reaches the annual limit. */
function consumerId(i) {
  const first17 = `110105${19500101 + (i % 28)}${String(i).padStart(3, '0').slice(-3)}`.slice(0, 17);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, k) => total + w * Number(first17[k]), 0);
  return first17 + '10X98765432'[sum % 11];
}

async function warmUp(kafka) {
  say('warming up (5 orders)...');
  await runPipeline(kafka, 5, true);
}

async function runPipeline(kafka, count, quiet = false) {
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 50 });
  const sentAt = new Map();
  const latencies = [];
  let done;
  const allDone = new Promise((resolve) => (done = resolve));
  await consumer.connect();
  await consumer.subscribe({ topics: ['cbec.platform.outbound'], fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value.toString());
      if (event.type !== 'cbec.clearance.out-for-delivery.v1' || !sentAt.has(event.subject)) return;
      latencies.push(Date.now() - sentAt.get(event.subject));
      sentAt.delete(event.subject);
      if (latencies.length === count) done();
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const producer = kafka.producer();
  await producer.connect();
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const data = order(i + (quiet ? 100000 : 0));
    const subject = `${data.platformId}/${data.orderId}`;
    sentAt.set(subject, Date.now());
    const event = { specversion: '1.0', id: randomUUID(), source: '/bench', type: 'cbec.platform.order-placed.v1', time: new Date().toISOString(), subject, datacontenttype: 'application/json', data };
    await producer.send({ topic: 'cbec.platform.inbound', messages: [{ key: subject, value: JSON.stringify(event), headers: { 'content-type': 'application/cloudevents+json' } }] });
  }
  const timeout = setTimeout(() => done(), 300_000);
  await allDone;
  clearTimeout(timeout);
  const seconds = (Date.now() - started) / 1000;
  await producer.disconnect();
  await consumer.disconnect();
  if (!quiet && latencies.length < count) say(`only ${latencies.length} of ${count} orders reached OUT_FOR_DELIVERY within 5 minutes`);
  return { cleared: latencies.length, seconds, latencies };
}

/** The same number of Kafka hops with nothing but kafkajs: consume, re-publish, next topic. */
async function runBareRelay(kafka, count, hops) {
  say(`bare kafkajs relay over ${hops} hops...`);
  const topics = Array.from({ length: hops + 1 }, (_, i) => `bench.relay.${Date.now()}.${i}`);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 6 })), waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  const relays = [];
  for (let i = 0; i < hops; i++) {
    const consumer = kafka.consumer({ groupId: `bench-relay-${i}-${randomUUID()}`, maxWaitTimeInMs: 50 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topics[i]], fromBeginning: true });
    await consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: async ({ message }) => producer.send({ topic: topics[i + 1], acks: -1, messages: [{ key: message.key, value: message.value }] }) });
    relays.push(consumer);
  }
  const sink = kafka.consumer({ groupId: `bench-sink-${randomUUID()}`, maxWaitTimeInMs: 50 });
  const latencies = [];
  let done;
  const allDone = new Promise((resolve) => (done = resolve));
  await sink.connect();
  await sink.subscribe({ topics: [topics[hops]], fromBeginning: true });
  await sink.run({
    eachMessage: async ({ message }) => {
      latencies.push(Date.now() - Number(message.value.toString()));
      if (latencies.length === count) done();
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const started = Date.now();
  for (let i = 0; i < count; i++) await producer.send({ topic: topics[0], acks: -1, messages: [{ key: `bench/${i}`, value: String(Date.now()) }] });
  await allDone;
  const seconds = (Date.now() - started) / 1000;
  for (const consumer of [...relays, sink]) await consumer.disconnect();
  await producer.disconnect();
  return { cleared: latencies.length, seconds, latencies };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(pipeline, relay) {
  const row = (name, r) => `${name.padEnd(28)} ${String(r.cleared).padStart(6)} ${(r.cleared / r.seconds).toFixed(1).padStart(9)} ${String(percentile(r.latencies, 50)).padStart(7)} ${String(percentile(r.latencies, 95)).padStart(7)} ${String(percentile(r.latencies, 99)).padStart(7)}`;
  say('');
  say(`${'run'.padEnd(28)} ${'orders'.padStart(6)} ${'orders/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`);
  say(row('pipeline (to OUT_FOR_DELIVERY)', pipeline));
  say(row(`bare kafkajs, ${HOPS} hops`, relay));
}

async function sql(databaseName, statement) {
  const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${databaseName}` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error.stack}\n`);
  process.exit(1);
});
