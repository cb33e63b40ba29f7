// Consumer lag (end offset minus committed offset, per partition), polled from one long-lived
// admin client and exported as kafka_consumergroup_lag.
import type { Admin } from 'kafkajs';
import type { Logger } from './logger';
import { messagingMetrics } from './metrics';

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
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
    const committed = await this.admin.fetchOffsets({ groupId: this.groupId, topics: this.topics });
    const result: PartitionLag[] = [];
    for (const { topic, partitions } of committed) {
      const ends = await this.admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const done = partitions.find((p) => p.partition === end.partition);
        const committedOffset = done && Number(done.offset) >= 0 ? Number(done.offset) : Number(end.low);
        const lag = Math.max(0, Number(end.high) - committedOffset);
        result.push({ topic, partition: end.partition, lag });
        messagingMetrics().consumerLag.set({ consumergroup: this.groupId, topic, partition: String(end.partition) }, lag);
      }
    }
    this.latest = result;
    return result;
  }
}
