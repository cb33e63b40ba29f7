// Consumer lag of every consumer group of the system (end offset minus committed offset, summed
// over the partitions of the topics each group has committed on), from ONE long-lived admin
// client, connected on first use, never a client per request.
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { SERVICE_NAMES } from '@cbec/contracts';
import { Messaging } from '@cbec/messaging';
import { OUTBOUND } from '../../outbound/outbound.parts';

/** Each pipeline service's group `cbec.<service>`, and the gateway's. */
export const CONSUMER_GROUPS: readonly string[] = [...SERVICE_NAMES.filter((service) => service !== 'gateway').map((service) => `cbec.${service}`), OUTBOUND.consumer.groupId];

export interface GroupLag {
  consumerGroup: string;
  /** Null when the broker could not say. */
  lag: number | null;
  topics: { topic: string; lag: number }[];
}

@Injectable()
export class ConsumerLag implements OnApplicationShutdown {
  private readonly admin: Admin;
  private connected?: Promise<void>;

  constructor(messaging: Messaging) {
    this.admin = messaging.kafka.admin();
  }

  async ofEveryGroup(): Promise<GroupLag[]> {
    this.connected ??= this.admin.connect().catch((error) => {
      this.connected = undefined;
      throw error;
    });
    const up = await this.connected.then(() => true, () => false);
    if (!up) return CONSUMER_GROUPS.map((consumerGroup) => ({ consumerGroup, lag: null, topics: [] }));
    const ends = new Map<string, Promise<{ partition: number; high: string; low: string }[]>>();
    const endsOf = (topic: string) => {
      if (!ends.has(topic)) ends.set(topic, this.admin.fetchTopicOffsets(topic));
      return ends.get(topic)!;
    };
    return Promise.all(CONSUMER_GROUPS.map((group) => this.ofGroup(group, endsOf)));
  }

  private async ofGroup(consumerGroup: string, endsOf: (topic: string) => Promise<{ partition: number; high: string; low: string }[]>): Promise<GroupLag> {
    try {
      // No topics: the broker answers every topic the group has committed offsets on.
      const committed = await this.admin.fetchOffsets({ groupId: consumerGroup });
      const topics = await Promise.all(
        committed.map(async ({ topic, partitions }) => {
          let lag = 0;
          for (const end of await endsOf(topic)) {
            const done = partitions.find((p) => p.partition === end.partition);
            const from = done && Number(done.offset) >= 0 ? Number(done.offset) : Number(end.low);
            lag += Math.max(0, Number(end.high) - from);
          }
          return { topic, lag };
        }),
      );
      return { consumerGroup, lag: topics.reduce((sum, topic) => sum + topic.lag, 0), topics };
    } catch {
      return { consumerGroup, lag: null, topics: [] };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connected) await this.admin.disconnect().catch(() => undefined);
  }
}
