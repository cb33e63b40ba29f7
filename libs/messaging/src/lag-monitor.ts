// Consumer lag (end offset minus committed offset, per partition; from the low watermark where
// the group has committed nothing): the one formula, used by each service's own monitor, polled
// from its long-lived admin client and exported as kafka_consumergroup_lag, and by the ops views.
import type { Admin } from 'kafkajs';
import type { Logger } from './logger';
import { messagingMetrics } from './metrics';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** The group's committed offset; null when it has committed none on the partition. */
  committed: string | null;
  /** The partition's end (high watermark). */
  end: string;
  lag: number;
}

/** A topic's partitions' offsets, as `admin.fetchTopicOffsets` answers; callers may share one read per topic. */
export type EndOffsets = (topic: string) => Promise<{ partition: number; high: string; low: string }[]>;

/**
 * A group's lag on every partition of `topics`, or of every topic it has committed on when
 * `topics` is omitted; sorted by topic and partition.
 */
export async function readGroupLag(admin: Admin, groupId: string, topics?: string[], endsOf: EndOffsets = (topic) => admin.fetchTopicOffsets(topic)): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets(topics ? { groupId, topics } : { groupId });
  const result: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    for (const end of await endsOf(topic)) {
      const done = partitions.find((p) => p.partition === end.partition);
      const has = done !== undefined && Number(done.offset) >= 0;
      const from = has ? Number(done.offset) : Number(end.low);
      result.push({ topic, partition: end.partition, committed: has ? done.offset : null, end: end.high, lag: Math.max(0, Number(end.high) - from) });
    }
  }
  return result.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

export class LagMonitor {
  private timer?: NodeJS.Timeout;
  private latest: PartitionLag[] = [];

  constructor(
    private readonly admin: Admin,
    private readonly groupId: string,
    private readonly topics: string[],
    private readonly log: Logger,
    private readonly intervalMs = 10_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.poll().catch((error) => this.log.debug({ err: error }, 'lag poll failed')), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  get lag(): PartitionLag[] {
    return this.latest;
  }

  async poll(): Promise<PartitionLag[]> {
    const result = await readGroupLag(this.admin, this.groupId, this.topics);
    for (const { topic, partition, lag } of result) messagingMetrics().consumerLag.set({ consumergroup: this.groupId, topic, partition: String(partition) }, lag);
    this.latest = result;
    return result;
  }
}
