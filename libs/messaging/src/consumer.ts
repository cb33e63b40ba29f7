// The idempotent consumer: reads a message, dead-letters what it cannot read, and runs the
// handler in one transaction with the inbox row and the outgoing events, retrying failures
// with backoff before dead-lettering them. Offsets are committed only after the transaction.
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { parseOrderKey } from '@cbec/contracts';
import { CloudEvent, decodeEvent, Headers, headersToStrings, isObject } from './cloud-event';
import type { DeadLetterStore } from './dead-letters';
import type { EventHandler, OutgoingEvent } from './handler';
import type { Logger } from './logger';
import { messagingMetrics } from './metrics';
import type { Outbox } from './publisher';
import type { MessagingTables } from './tables';
import { timerScheduler } from './timers';

export interface Subscription {
  topic: string;
  /** Types expected on the topic; any other type is unreadable. Omit to accept every type. */
  knownTypes?: readonly string[];
  /**
   * Whether this group dead-letters what it cannot read. Where several groups read one topic,
   * one of them owns the unreadable messages; the others log them at debug level and move on.
   */
  deadLetterUnreadable?: boolean;
}

export interface RetryPolicy {
  attempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export interface ConsumerOptions {
  groupId: string;
  subscriptions: Subscription[];
  handlers: EventHandler<any>[];
  retry: RetryPolicy;
  /** Partitions handled in parallel; events of one order always share a partition. */
  concurrency: number;
}

type Outcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

export class EventConsumer {
  private consumer?: Consumer;
  private crashed?: Error;
  private readonly handlers = new Map<string, EventHandler>();

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly tables: MessagingTables,
    private readonly outbox: Outbox,
    private readonly deadLetters: DeadLetterStore,
    private readonly options: ConsumerOptions,
    private readonly log: Logger,
  ) {
    for (const handler of options.handlers) this.handlers.set(handler.eventType, handler);
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.options.groupId, allowAutoTopicCreation: false, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.crashed = payload.error;
      this.log.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.subscriptions.map((s) => s.topic), fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.concurrency,
      autoCommitInterval: 1_000,
      eachMessage: (payload) => this.onMessage(payload).then(() => undefined),
    });
    this.consumer = consumer;
  }

  /** Stops fetching, lets the message in hand finish, commits offsets and leaves the group. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  /** Undefined while healthy; the error that stopped the consumer for good otherwise. */
  get failure(): Error | undefined {
    return this.crashed;
  }

  async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<Outcome> {
    const subscription = this.options.subscriptions.find((s) => s.topic === topic)!;
    const headers = headersToStrings(message.headers as Record<string, unknown>);
    const failed = { consumerGroup: this.options.groupId, topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, value: message.value, headers };
    const readable = this.read(message.value, headers, subscription);
    if (readable.ok && !readable.event) return 'ignored';
    if (!readable.ok) {
      if (subscription.deadLetterUnreadable === false) {
        this.log.debug({ topic, partition, offset: message.offset, reason: readable.reason }, 'unreadable message left to its owning group');
        return 'ignored';
      }
      this.log.warn({ topic, partition, offset: message.offset, reason: readable.reason }, 'unreadable message dead-lettered');
      await this.deadLetters.record({ ...failed, reason: readable.reason, attempts: 0 });
      return 'dead-lettered';
    }
    const event = readable.event!;
    const handler = this.handlers.get(event.type)!;

    const log = this.log.child({ eventId: event.id, type: event.type, subject: event.subject, correlationId: event.correlationid, causationId: event.causationid, topic, partition, offset: message.offset });
    const { retry } = this.options;
    for (let attempt = 1; ; attempt++) {
      const timer = messagingMetrics().handlerSeconds.startTimer({ group: this.options.groupId, type: event.type });
      try {
        const outcome = await this.handleOnce(event, handler, log);
        timer();
        messagingMetrics().consumed.inc({ group: this.options.groupId, topic, type: event.type });
        return outcome;
      } catch (error) {
        messagingMetrics().failed.inc({ group: this.options.groupId, type: event.type });
        if (attempt >= retry.attempts) {
          log.error({ err: error, attempt }, 'handler failed for good; dead-lettering');
          await this.deadLetters.record({ ...failed, reason: `handler failed after ${attempt} attempts: ${errorText(error)}`, attempts: attempt });
          return 'dead-lettered';
        }
        const backoff = Math.min(retry.maxBackoffMs, retry.initialBackoffMs * 2 ** (attempt - 1));
        log.warn({ err: error, attempt, backoffMs: backoff }, 'handler failed; retrying');
        await sleepWithHeartbeat(backoff, heartbeat);
      }
    }
  }

  private async handleOnce(event: CloudEvent, handler: EventHandler, log: Logger): Promise<Outcome> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query(
        `INSERT INTO ${this.tables.processedEvent} (consumer_group, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.groupId, event.id],
      );
      if (inserted.length === 0) {
        log.debug('duplicate delivery ignored');
        return 'duplicate';
      }
      const outgoing: OutgoingEvent[] = [];
      await handler.handle(event, { manager, log, publish: (next) => outgoing.push(next), timers: timerScheduler(manager, this.tables, event.subject, event.correlationid ?? event.id) });
      await this.outbox.publish(manager, outgoing, event);
      return 'handled';
    });
  }

  /** The event to handle; no event when it is readable but not for this group; or why not readable. */
  private read(value: Buffer | null, headers: Headers, subscription: Subscription): { ok: true; event?: CloudEvent } | { ok: false; reason: string } {
    const decoded = decodeEvent(value, headers);
    if (!decoded.ok) return decoded;
    const { event } = decoded;
    if (subscription.knownTypes && !subscription.knownTypes.includes(event.type)) {
      return { ok: false, reason: `unknown event type "${event.type}" on ${subscription.topic}` };
    }
    if (!this.handlers.has(event.type)) return { ok: true };
    if (!orderRefOf(event)) return { ok: false, reason: 'platformId/orderId cannot be read from data or subject' };
    return { ok: true, event };
  }
}

/** The order an event is about, from its data or else its subject. */
export function orderRefOf(event: CloudEvent): { platformId: string; orderId: string } | undefined {
  const data = event.data;
  if (isObject(data) && typeof data.platformId === 'string' && typeof data.orderId === 'string' && data.platformId && data.orderId) {
    return { platformId: data.platformId, orderId: data.orderId };
  }
  return typeof event.subject === 'string' ? parseOrderKey(event.subject) : undefined;
}

async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, until - Date.now())));
    await heartbeat().catch(() => undefined);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
