// Reads topics from their beginning up to their end offsets of the moment it starts, with a
// throwaway consumer group that is deleted afterwards: what a rebuild of a projection replays.
import { randomUUID } from 'node:crypto';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { Headers, headersToStrings } from './cloud-event';
import type { KafkaSecurity } from './messaging';

export interface HistoryMessage {
  topic: string;
  partition: number;
  offset: string;
  value: Buffer | null;
  headers: Headers;
}

export interface TopicHistory {
  messages: HistoryMessage[];
  /** The end offset of every partition read, by topic. */
  ends: Map<string, Map<number, number>>;
}

export function rebuildKafka(brokers: string[], security: KafkaSecurity = {}): Kafka {
  return new Kafka({ clientId: 'gateway-rebuild', brokers, ...security, logLevel: logLevel.NOTHING, retry: { retries: 5, initialRetryTime: 200 } });
}

export async function readHistory(kafka: Kafka, topics: string[], stallMs = 30_000): Promise<TopicHistory> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `cbec.gateway.rebuild.${randomUUID()}`;
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((topic) => existing.has(topic));
    const { ends, starts } = await offsetsOf(admin, present);
    const byPartition = new Map<string, HistoryMessage[]>();
    const remaining = new Set<string>();
    for (const [topic, partitions] of ends) {
      for (const [partition, end] of partitions) {
        byPartition.set(`${topic}:${partition}`, []);
        if (end > starts.get(topic)!.get(partition)!) remaining.add(`${topic}:${partition}`);
      }
    }
    if (remaining.size > 0) await consumeUntil(kafka, groupId, present, ends, byPartition, remaining, stallMs);
    // Each partition in offset order, topics one after the other: the order the replay relies on.
    const messages = [...byPartition.values()].flat();
    return { messages, ends };
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** Where each partition's history starts (what retention kept) and ends (now). */
async function offsetsOf(admin: Admin, topics: string[]): Promise<{ starts: Map<string, Map<number, number>>; ends: Map<string, Map<number, number>> }> {
  const starts = new Map<string, Map<number, number>>();
  const ends = new Map<string, Map<number, number>>();
  for (const topic of topics) {
    const offsets = await admin.fetchTopicOffsets(topic);
    starts.set(topic, new Map(offsets.map((o) => [o.partition, Number(o.low)])));
    ends.set(topic, new Map(offsets.map((o) => [o.partition, Number(o.high)])));
  }
  return { starts, ends };
}

async function consumeUntil(
  kafka: Kafka,
  groupId: string,
  topics: string[],
  ends: Map<string, Map<number, number>>,
  byPartition: Map<string, HistoryMessage[]>,
  remaining: Set<string>,
  stallMs: number,
): Promise<void> {
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    let lastProgress = Date.now();
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const end = ends.get(topic)?.get(partition) ?? 0;
        const offset = Number(message.offset);
        lastProgress = Date.now();
        if (offset < end) byPartition.get(`${topic}:${partition}`)!.push({ topic, partition, offset: message.offset, value: message.value, headers: headersToStrings(message.headers as Record<string, unknown>) });
        if (offset >= end - 1) remaining.delete(`${topic}:${partition}`);
        if (remaining.size === 0) finish();
      },
    });
    await Promise.race([
      done,
      new Promise<never>((_, reject) => {
        const check = setInterval(() => {
          if (remaining.size === 0) return clearInterval(check);
          if (Date.now() - lastProgress > stallMs) {
            clearInterval(check);
            reject(new Error(`reading the topics stalled with ${[...remaining].join(', ')} unfinished`));
          }
        }, 1_000);
      }),
    ]);
  } finally {
    await consumer.disconnect();
  }
}

/**
 * Waits until the live gateway's consumer group has committed every offset of the history, so
 * the live read model has seen all of it; gives up after a while (the comparison then says so).
 */
export async function waitForLiveGroup(kafka: Kafka, groupId: string, ends: Map<string, Map<number, number>>, timeoutMs = 30_000): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const committed = await admin.fetchOffsets({ groupId, topics: [...ends.keys()] });
      const behind = committed.some(({ topic, partitions }) =>
        partitions.some(({ partition, offset }) => {
          const end = ends.get(topic)?.get(partition) ?? 0;
          return end > 0 && Number(offset) < end;
        }),
      );
      if (!behind) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await admin.disconnect();
  }
}
