// The two reference relays the pipeline is compared with: a chain of relay-hop.js processes
// (bare or durable) over as many Kafka hops as an order takes, fed by one batched injector and
// drained by a sink, both in the benchmark's process. Messages/s is end to end: from the first
// message injected to the last one arrived at the sink.
const path = require('node:path');
const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { Partitioners } = require('kafkajs');

const HOP_SCRIPT = path.join(__dirname, 'relay-hop.js');
/** Messages of about 850 bytes: the average size of the events in the services' outboxes after a run. */
const BODY = 'x'.repeat(750);
const WARM_UP_MESSAGES = 300;
const INJECT_BATCH = 1000;

/**
 * Runs one relay: `mode` bare or durable, `messages` measured after a warm-up, `hops` processes.
 * `onProcess(name, pid)` lets the sampler follow each hop; `measuring.begin()` and `.end()` are
 * called around the measured messages (after the hops started and warmed up); `progress` prints.
 */
async function runRelay(kafka, { mode, hops, messages, partitions, brokers, databaseUrl, deadlineMs, onProcess, onProcessEnd, measuring, progress }) {
  const run = `${mode}.${Date.now()}`;
  const topics = Array.from({ length: hops + 1 }, (_, i) => `bench.relay.${run}.${i}`);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: true });
  await admin.disconnect();

  const children = [];
  const sink = kafka.consumer({ groupId: `bench-relay-sink-${randomUUID()}`, maxWaitTimeInMs: 50, allowAutoTopicCreation: false });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  try {
    for (let hop = 0; hop < hops; hop++) {
      const args = [HOP_SCRIPT, '--mode', mode, '--hop', String(hop), '--from', topics[hop], '--to', topics[hop + 1], '--brokers', brokers, '--database-url', databaseUrl];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      onProcess('relay hops', child.pid);
    }
    await Promise.all(children.map((child, hop) => untilReady(child, hop)));

    const arrivals = new Arrivals();
    const joined = new Promise((resolve) => sink.on(sink.events.GROUP_JOIN, resolve));
    await sink.connect();
    await sink.subscribe({ topics: [topics[hops]], fromBeginning: true });
    await sink.run({
      partitionsConsumedConcurrently: partitions,
      eachBatch: async ({ batch, resolveOffset }) => {
        const now = Date.now();
        for (const message of batch.messages) arrivals.add(JSON.parse(message.value.toString()), now);
        resolveOffset(batch.messages[batch.messages.length - 1].offset);
      },
    });
    await joined;
    await producer.connect();

    const inject = async (phase, count) => {
      for (let sent = 0; sent < count; sent += INJECT_BATCH) {
        const at = Date.now();
        const batch = Array.from({ length: Math.min(INJECT_BATCH, count - sent) }, (_, k) => ({
          key: `relay/${phase}/${sent + k}`,
          value: JSON.stringify({ id: randomUUID(), phase, sentAt: at, hop: 0, body: BODY }),
        }));
        await producer.send({ topic: topics[0], messages: batch });
      }
    };
    await inject('warm-up', WARM_UP_MESSAGES);
    await arrivals.until('warm-up', WARM_UP_MESSAGES, 60_000);

    progress(`${mode} relay: ${messages} messages over ${hops} hops...`);
    measuring.begin();
    const started = Date.now();
    await inject('measured', messages);
    const injectedIn = Date.now() - started;
    const ticker = setInterval(() => progress(`${mode} relay ${((Date.now() - started) / 1000).toFixed(0)}s | arrived ${arrivals.count('measured')}/${messages}`), 3000);
    await arrivals.until('measured', messages, deadlineMs).finally(() => clearInterval(ticker));
    measuring.end();
    const measured = arrivals.of('measured');
    const seconds = (measured.lastAt - started) / 1000;
    return {
      mode,
      hops,
      partitions,
      messages,
      arrived: measured.latencies.length,
      seconds,
      injectSeconds: injectedIn / 1000,
      messagesPerSecond: measured.latencies.length / seconds,
      latencies: measured.latencies,
    };
  } finally {
    await sink.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await Promise.all(children.map((child) => stopChild(child)));
    for (const child of children) onProcessEnd?.(child.pid);
  }
}

/** Messages arrived at the sink, per phase of the relay (warm-up, measured). */
class Arrivals {
  constructor() {
    this.phases = new Map();
    this.waiters = [];
  }
  of(phase) {
    if (!this.phases.has(phase)) this.phases.set(phase, { latencies: [], lastAt: undefined });
    return this.phases.get(phase);
  }
  count(phase) {
    return this.of(phase).latencies.length;
  }
  add(event, now) {
    const phase = this.of(event.phase);
    phase.latencies.push(now - event.sentAt);
    phase.lastAt = now;
    for (const waiter of this.waiters) waiter();
  }
  /** Resolves when `count` messages of the phase arrived, or at the deadline (the caller reports how many). */
  until(phase, count, deadlineMs) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(), deadlineMs);
      const check = () => this.count(phase) >= count && finish();
      const finish = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      this.waiters.push(check);
      check();
    });
  }
}

function untilReady(child, hop) {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`relay hop ${hop} exited (${code}) before it was ready: ${stderr.trim().split('\n').slice(-3).join(' | ')}`)));
    setTimeout(() => reject(new Error(`relay hop ${hop} was not ready within 60s`)), 60_000).unref();
  });
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

module.exports = { runRelay };
