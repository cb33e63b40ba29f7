// A send that writes every message or fails. kafkajs 2.2.4 can resolve a sendBatch that left
// partitions unwritten: when its request to one broker fails and those partitions move, during
// the retry, to a broker that had already answered the first try, the retry skips that broker
// ("answered") and the moved partitions are never sent again; the outbox would then mark rows
// published that no broker has (seen in test/faults/cluster.e2e-spec.ts, a rolling restart). So
// each message is given its partition here (murmur2 of its key, as kafkajs' default and the Java
// client do), and partitions the brokers' answers do not name are sent again (kafkajs pull
// request 1798 describes the shared answers; it is not in a release).
import { type Admin, type Message, type PartitionMetadata, Partitioners, type Producer } from 'kafkajs';
import type { Logger } from './logger';

/** Sends of the missing partitions after the first, before the failure is left to the caller. */
const RESENDS = 10;

/** Each topic's partition count, read from the cluster when first needed and again after a while. */
export class TopicPartitions {
  private readonly counts = new Map<string, { count: number; readAt: number }>();

  constructor(
    private readonly admin: Admin,
    private readonly rereadAfterMs = 5 * 60_000,
  ) {}

  async of(topics: Iterable<string>): Promise<Map<string, number>> {
    const wanted = [...new Set(topics)];
    const stale = wanted.filter((topic) => Date.now() - (this.counts.get(topic)?.readAt ?? 0) > this.rereadAfterMs);
    if (stale.length > 0) {
      const { topics: metadata } = await this.admin.fetchTopicMetadata({ topics: stale });
      for (const topic of metadata) {
        if (topic.partitions.length === 0) throw new Error(`topic ${topic.name}: the cluster named no partition`);
        this.counts.set(topic.name, { count: topic.partitions.length, readAt: Date.now() });
      }
    }
    return new Map(wanted.map((topic) => [topic, this.counts.get(topic)!.count]));
  }
}

export interface TopicBatch {
  topic: string;
  messages: Message[];
}

/** Sends every message, `acks` all, each on its key's partition; resolves once every partition has answered. */
export async function sendWhole(producer: Producer, batches: TopicBatch[], partitions: Map<string, number>, log: Logger): Promise<void> {
  const partitioner = Partitioners.DefaultPartitioner();
  let pending = batches.map(({ topic, messages }) => {
    const partitionMetadata = layoutOf(partitions.get(topic)!);
    return { topic, messages: messages.map((message) => ({ ...message, partition: partitioner({ topic, partitionMetadata, message }) })) };
  });
  for (let send = 0; ; send++) {
    const answered = await producer.sendBatch({ acks: -1, topicMessages: pending });
    const written = new Set(answered.map(({ topicName, partition }) => `${topicName}:${partition}`));
    pending = pending.map(({ topic, messages }) => ({ topic, messages: messages.filter((message) => !written.has(`${topic}:${message.partition}`)) })).filter(({ messages }) => messages.length > 0);
    if (pending.length === 0) return;
    const unwritten = pending.flatMap(({ topic, messages }) => [...new Set(messages.map((message) => `${topic}:${message.partition}`))]);
    if (send >= RESENDS) throw new Error(`the brokers answered ${RESENDS + 1} sends without writing ${unwritten.join(', ')}`);
    log.warn({ unwritten, messages: pending.reduce((sum, { messages }) => sum + messages.length, 0) }, 'the producer answered without writing some partitions (their leader moved mid-send); sending them again');
  }
}

function layoutOf(count: number): PartitionMetadata[] {
  return Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [], isr: [] }));
}
