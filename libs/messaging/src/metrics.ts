// Messaging metrics (prom-client, the process's default registry), created once per process.
import { Counter, Gauge, Histogram, register } from 'prom-client';

export interface MessagingMetrics {
  consumed: Counter<'group' | 'topic' | 'type'>;
  produced: Counter<'topic'>;
  failed: Counter<'group' | 'type'>;
  deadLettered: Counter<'group' | 'topic'>;
  setAside: Counter<'topic'>;
  groupJoins: Counter<'group'>;
  handlerSeconds: Histogram<'group' | 'type'>;
  outboxBacklog: Gauge<'schema'>;
  consumerLag: Gauge<'consumergroup' | 'topic' | 'partition'>;
}

let metrics: MessagingMetrics | undefined;

export function messagingMetrics(): MessagingMetrics {
  metrics ??= {
    consumed: new Counter({ name: 'cbec_messages_consumed_total', help: 'Messages handled by a consumer group', labelNames: ['group', 'topic', 'type'] }),
    produced: new Counter({ name: 'cbec_messages_produced_total', help: 'Messages published by the outbox relay', labelNames: ['topic'] }),
    failed: new Counter({ name: 'cbec_handler_failures_total', help: 'Handler attempts that threw (each retry counts)', labelNames: ['group', 'type'] }),
    deadLettered: new Counter({ name: 'cbec_messages_dead_lettered_total', help: 'Messages sent to a dead-letter topic', labelNames: ['group', 'topic'] }),
    setAside: new Counter({ name: 'cbec_outbox_set_aside_total', help: 'Outbox rows no produce request could carry, set aside as dead letters', labelNames: ['topic'] }),
    groupJoins: new Counter({ name: 'cbec_consumer_group_joins_total', help: 'Times a consumer joined its group (the first join, then one per rebalance)', labelNames: ['group'] }),
    handlerSeconds: new Histogram({
      name: 'cbec_handler_duration_seconds',
      help: 'Handler latency, transaction included',
      labelNames: ['group', 'type'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
    outboxBacklog: new Gauge({ name: 'cbec_outbox_backlog', help: 'Outbox rows not yet published (as of the last relay pass)', labelNames: ['schema'] }),
    consumerLag: new Gauge({
      name: 'kafka_consumergroup_lag',
      help: 'End offset minus committed offset, per partition',
      labelNames: ['consumergroup', 'topic', 'partition'],
    }),
  };
  return metrics;
}

export { register as metricsRegistry };
