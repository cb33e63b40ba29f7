// The one way a service talks to Kafka: topics at start-up, the outbox relay, its consumer,
// dead letters, lag, the pruning of its outbox and inbox, and an orderly shutdown. Services give
// it handlers; they never see kafkajs.
import { Admin, Kafka, KafkaConfig, logLevel, Partitioners, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { deadLetterTopic, serviceEventsTopic, TOPICS } from '@cbec/contracts';
import { ConsumerOptions, EventConsumer, RetryPolicy, Subscription } from './consumer';
import { DeadLetterStore } from './dead-letters';
import type { EventHandler } from './handler';
import { Housekeeping } from './housekeeping';
import { LagMonitor } from './lag-monitor';
import type { Logger } from './logger';
import { DEFAULT_RELAY, OutboxRelay, RelayOptions } from './outbox-relay';
import { ProduceLimits } from './produce-limits';
import { Outbox } from './publisher';
import { ReplayDeadLetterOnRequest } from './replay-command';
import { messagingTables } from './tables';
import { TimerHandler, TimerPoller } from './timers';
import { ensureTopics, TopicLayout } from './topics';
import { TopicPartitions } from './whole-send';

/** How a client reaches a cluster that asks for TLS or SASL (passed to kafkajs as they are). */
export type KafkaSecurity = Pick<KafkaConfig, 'ssl' | 'sasl'>;

export interface MessagingConfig {
  brokers: string[];
  security?: KafkaSecurity;
  /** Names the Kafka client and the CloudEvents source `/services/<service>`. */
  service: string;
  /** The service's PostgreSQL schema, where its outbox, inbox and dead letters live. */
  schema: string;
  dataSource: DataSource;
  log: Logger;
  /** Topics created at start-up if missing (the consumer's dead-letter topic is added). */
  topics: string[];
  partitions: number;
  /** Unset: 3 on a cluster of at least 3 brokers, else 1 (see topics.ts). */
  replicationFactor?: number;
  minInsyncReplicas?: number;
  consumer?: {
    groupId: string;
    subscriptions: Subscription[];
    handlers: EventHandler<any>[];
    retry?: Partial<RetryPolicy>;
    concurrency?: number;
  };
  relay?: Partial<RelayOptions>;
  /** Handlers of the service's durable timers, by kind. */
  timers?: TimerHandler<any>[];
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialBackoffMs: 200, maxBackoffMs: 5_000 };

export class Messaging {
  readonly outbox: Outbox;
  readonly deadLetters: DeadLetterStore;
  readonly kafka: Kafka;
  private readonly admin: Admin;
  private producer: Producer;
  private readonly relay: OutboxRelay;
  private readonly housekeeping: Housekeeping;
  private readonly consumer?: EventConsumer;
  private readonly lagMonitor?: LagMonitor;
  private readonly timerPoller: TimerPoller;
  private started = false;

  constructor(private readonly config: MessagingConfig) {
    const tables = messagingTables(config.schema);
    this.kafka = new Kafka({
      clientId: config.service,
      brokers: config.brokers,
      ...config.security,
      logLevel: logLevel.WARN,
      logCreator: () => ({ level, log }) => config.log[kafkaLogLevel(level, log.message)]({ kafkajs: log.namespace, error: log.error, retry: log.retryCount }, log.message),
      retry: { retries: 10, initialRetryTime: 200 },
    });
    this.admin = this.kafka.admin();
    this.producer = this.newProducer();
    this.outbox = new Outbox(tables, `/services/${config.service}`);
    this.deadLetters = new DeadLetterStore(config.dataSource, tables, this.outbox, config.service);
    const pool = (config.dataSource.driver as unknown as { master: Pool }).master;
    // A row no send can carry becomes a dead letter of the service's group, replayable by it.
    const owner = config.consumer?.groupId ?? config.service;
    const relay = { ...DEFAULT_RELAY, ...config.relay };
    this.relay = new OutboxRelay(pool, this.producer, tables, config.log.child({ component: 'outbox-relay' }), relay, {
      limits: new ProduceLimits(this.admin),
      partitions: new TopicPartitions(this.admin),
      setAside: async (row, reason) => void (await this.deadLetters.setAside(row, reason, owner)),
      renewProducer: async () => {
        await this.producer.disconnect().catch((error) => config.log.warn({ err: error }, 'producer did not disconnect cleanly'));
        this.producer = this.newProducer();
        await this.producer.connect();
        return this.producer;
      },
    });
    const { retentionMs, dedupWindowMs, pruneBatchSize } = relay;
    this.housekeeping = new Housekeeping(pool, tables, config.log.child({ component: 'housekeeping' }), { retentionMs, dedupWindowMs, pruneBatchSize });
    this.timerPoller = new TimerPoller(config.dataSource, tables, this.outbox, config.timers ?? [], config.log.child({ component: 'timers' }));
    if (config.consumer) {
      const { groupId } = config.consumer;
      // Every group listens to ops commands, to replay its own dead letters when asked.
      const subscriptions = config.consumer.subscriptions.some((s) => s.topic === TOPICS.opsCommands)
        ? config.consumer.subscriptions
        : [...config.consumer.subscriptions, { topic: TOPICS.opsCommands, deadLetterUnreadable: false }];
      const options: ConsumerOptions = {
        groupId,
        subscriptions,
        handlers: [...config.consumer.handlers, new ReplayDeadLetterOnRequest(groupId, config.service, this.deadLetters)],
        retry: { ...DEFAULT_RETRY, ...config.consumer.retry },
        concurrency: config.consumer.concurrency ?? 6,
      };
      this.consumer = new EventConsumer(this.kafka, config.dataSource, tables, this.outbox, this.deadLetters, options, config.log.child({ component: 'consumer', group: options.groupId }));
      this.lagMonitor = new LagMonitor(this.admin, options.groupId, options.subscriptions.map((s) => s.topic), config.log);
    }
  }

  /**
   * The Java client's partitioner (murmur2), so other clients put a key on the same partition;
   * unlimited retries, as an idempotent producer needs to keep its ordering guarantee.
   */
  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 },
    });
  }

  async start(): Promise<void> {
    const { config } = this;
    await this.admin.connect();
    const topics = [...config.topics, serviceEventsTopic(config.service), ...(config.consumer ? [deadLetterTopic(config.consumer.groupId), TOPICS.opsCommands] : [])];
    const layout: TopicLayout = { partitions: config.partitions, replicationFactor: config.replicationFactor, minInsyncReplicas: config.minInsyncReplicas };
    const settings = await ensureTopics(this.admin, topics, layout, config.log);
    await this.producer.connect();
    this.relay.start();
    this.housekeeping.start();
    if (this.consumer) await whileNotYetKnown(() => this.consumer!.start(), config.log);
    this.timerPoller.start();
    this.lagMonitor?.start();
    this.started = true;
    config.log.info({ topics: topics.length, group: config.consumer?.groupId, ...settings }, 'messaging started');
  }

  /** SIGTERM path: stop fetching, finish in-flight work, flush the outbox, disconnect. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    const began = Date.now();
    this.lagMonitor?.stop();
    await this.consumer?.stop();
    await this.timerPoller.stop();
    await this.housekeeping.stop();
    await this.relay.stop();
    await this.producer.disconnect();
    await this.admin.disconnect();
    this.config.log.info({ ms: Date.now() - began }, 'messaging stopped');
  }

  /** Liveness: false once the consumer has crashed for good. */
  get live(): boolean {
    return !this.consumer?.failure;
  }

  /** Readiness of Kafka, checked on the one long-lived admin client. */
  async kafkaReady(): Promise<boolean> {
    try {
      await this.admin.describeCluster();
      return true;
    } catch {
      return false;
    }
  }

  get consumerLag() {
    return this.lagMonitor?.lag ?? [];
  }

  /** The consumer group's total lag, polled now. */
  async consumerLagNow(): Promise<number> {
    const lag = (await this.lagMonitor?.poll()) ?? [];
    return lag.reduce((sum, partition) => sum + partition.lag, 0);
  }

  /** The consumer group this service reads in (and files its dead letters under), if it reads. */
  get consumerGroup(): string | undefined {
    return this.config.consumer?.groupId;
  }

  /** For tests of the delivery guarantees: the consumer behind the handlers. */
  get eventConsumer(): EventConsumer | undefined {
    return this.consumer;
  }
}

/**
 * On a cluster, a topic just created is known to its controller and leaders first and to the
 * other brokers a moment later; a client that asks one of those meanwhile is told the topic does
 * not exist. Such retriable answers are waited out (up to a minute), anything else is thrown.
 */
async function whileNotYetKnown(work: () => Promise<void>, log: Logger, deadlineMs = 60_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      const { retriable, originalError } = error as { retriable?: boolean; originalError?: { retriable?: boolean } };
      if (!(retriable || originalError?.retriable) || Date.now() > until) throw error;
      log.warn({ err: error }, 'the cluster does not know every topic yet; trying again');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** kafkajs logs retriable broker answers ("Response ...") as errors; they are warnings here. */
function kafkaLogLevel(level: logLevel, message: string): 'error' | 'warn' | 'debug' {
  if (level <= logLevel.ERROR) return message.startsWith('Response ') ? 'warn' : 'error';
  return level === logLevel.WARN ? 'warn' : 'debug';
}
