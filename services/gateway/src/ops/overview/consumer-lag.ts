// Consumer lag of the consumer groups (end offset minus committed offset, per partition of the
// topics each group has committed on), read with the one long-lived admin client (ClusterAdmin).
import { Injectable } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { SERVICE_NAMES } from '@cbec/contracts';
import { OUTBOUND } from '../../outbound/outbound.parts';
import { ClusterAdmin } from '../cluster/cluster-admin';

/** Each pipeline service's group `cbec.<service>`, and the gateway's. */
export const CONSUMER_GROUPS: readonly string[] = [...SERVICE_NAMES.filter((service) => service !== 'gateway').map((service) => `cbec.${service}`), OUTBOUND.consumer.groupId];

export interface PartitionLag {
  topic: string;
  partition: number;
  /** The group's committed offset; null when it has committed none on the partition. */
  committed: string | null;
  end: string;
  lag: number;
}

export interface GroupLag {
  consumerGroup: string;
  /** Null when the broker could not say. */
  lag: number | null;
  topics: { topic: string; lag: number }[];
  partitions: PartitionLag[];
}

type EndOffsets = (topic: string) => Promise<{ partition: number; high: string; low: string }[]>;

@Injectable()
export class ConsumerLag {
  constructor(private readonly cluster: ClusterAdmin) {}

  /** The system's own groups. */
  ofEveryGroup(): Promise<GroupLag[]> {
    return this.ofGroups(CONSUMER_GROUPS);
  }

  async ofGroups(groups: readonly string[]): Promise<GroupLag[]> {
    const admin = await this.cluster.admin();
    if (!admin) return groups.map(unknownLag);
    const ends = new Map<string, ReturnType<EndOffsets>>();
    const endsOf: EndOffsets = (topic) => {
      if (!ends.has(topic)) ends.set(topic, admin.fetchTopicOffsets(topic));
      return ends.get(topic)!;
    };
    return Promise.all(groups.map((group) => ofGroup(admin, group, endsOf)));
  }
}

async function ofGroup(admin: Admin, consumerGroup: string, endsOf: EndOffsets): Promise<GroupLag> {
  try {
    // No topics: the broker answers every topic the group has committed offsets on.
    const committed = await admin.fetchOffsets({ groupId: consumerGroup });
    const partitions: PartitionLag[] = [];
    for (const { topic, partitions: done } of committed) {
      for (const end of await endsOf(topic)) {
        const mine = done.find((p) => p.partition === end.partition);
        const has = mine !== undefined && Number(mine.offset) >= 0;
        const from = has ? Number(mine.offset) : Number(end.low);
        partitions.push({ topic, partition: end.partition, committed: has ? mine.offset : null, end: end.high, lag: Math.max(0, Number(end.high) - from) });
      }
    }
    partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    const topics = committed.map(({ topic }) => ({ topic, lag: partitions.filter((p) => p.topic === topic).reduce((sum, p) => sum + p.lag, 0) }));
    return { consumerGroup, lag: topics.reduce((sum, topic) => sum + topic.lag, 0), topics, partitions };
  } catch {
    return unknownLag(consumerGroup);
  }
}

function unknownLag(consumerGroup: string): GroupLag {
  return { consumerGroup, lag: null, topics: [], partitions: [] };
}
