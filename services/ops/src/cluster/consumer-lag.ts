// Consumer lag of consumer groups, per partition and per topic, read with the one long-lived admin
// client (ClusterAdmin) and the messaging lib's formula (readGroupLag).
import { Injectable } from '@nestjs/common';
import { SERVICE_NAMES } from '@cbec/contracts';
import { EndOffsets, PartitionLag, readGroupLag } from '@cbec/messaging';
import { OPS_SERVICE } from '../ops-service';
import { ClusterAdmin } from './cluster-admin';

/** Each pipeline service's group `cbec.<service>`, the gateway's outbound translator's, and ours. */
export const CONSUMER_GROUPS: readonly string[] = [...SERVICE_NAMES.filter((service) => service !== 'gateway').map((service) => `cbec.${service}`), 'cbec.gateway.outbound', OPS_SERVICE.consumerGroup];

export interface GroupLag {
  consumerGroup: string;
  /** Null when the broker could not say. */
  lag: number | null;
  topics: { topic: string; lag: number }[];
  partitions: PartitionLag[];
}

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
    return Promise.all(
      groups.map((group) =>
        readGroupLag(admin, group, undefined, endsOf).then(
          (partitions) => groupLagOf(group, partitions),
          () => unknownLag(group),
        ),
      ),
    );
  }
}

function groupLagOf(consumerGroup: string, partitions: PartitionLag[]): GroupLag {
  const topics = [...new Set(partitions.map((p) => p.topic))].map((topic) => ({ topic, lag: partitions.filter((p) => p.topic === topic).reduce((sum, p) => sum + p.lag, 0) }));
  return { consumerGroup, lag: topics.reduce((sum, topic) => sum + topic.lag, 0), topics, partitions };
}

function unknownLag(consumerGroup: string): GroupLag {
  return { consumerGroup, lag: null, topics: [], partitions: [] };
}
