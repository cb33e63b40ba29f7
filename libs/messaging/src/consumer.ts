// The idempotent consumer, batched: reads a partition's batch, dead-letters what it cannot read,
// and handles runs of events in one transaction with their inbox rows and outgoing events; a
// failing event is isolated and retried alone with backoff before it is dead-lettered, so it
// never fails its batch-mates. Offsets are committed only after the transaction.
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { parseOrderKey, TOPICS } from '@cbec/contracts';
import { CloudEvent, decodeEvent, EVENT_TYPE_HEADER, Headers, headersToStrings, isObject } from './cloud-event';
import type { DeadLetterStore, FailedMessage } from './dead-letters';
import type { OutgoingEvent } from './context';
import { EventFailure, EventHandler } from './handler';
import type { Logger } from './logger';
import { messagingMetrics } from './metrics';
import { failureKind } from './failure-kind';
import { backoffMs } from './backoff';
import { OutboxMessage, writeToOutbox } from './outbox-writer';
import type { Outbox } from './publisher';
import type { MessagingTables } from './tables';
import { timerBatch, timerScheduler } from './timers';
import { Turns } from './turns';

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

type Outcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered' | 'stopped';

/** The longest wait between two tries of a failure that heals. */
const TRANSIENT_BACKOFF_CAP_MS = 15_000;

/** Events handled in one transaction at most: bounds the locks and the work a failure re-runs. */
export const MAX_EVENTS_PER_TRANSACTION = 200;

/** A message of a partition batch, read and sorted: to skip, to dead-letter unread, or to handle. */
type Item =
  | { kind: 'ignored'; offset: string }
  | { kind: 'unreadable'; offset: string; failed: Omit<FailedMessage, 'reason' | 'attempts'>; reason: string }
  | { kind: 'event'; offset: string; failed: Omit<FailedMessage, 'reason' | 'attempts'>; event: CloudEvent; handler: EventHandler; log: Logger };
type EventItem = Extract<Item, { kind: 'event' }>;

/** Which event of a run failed (or which events, each to be tried alone: `end` past the last), and why; the run's transaction was rolled back. */
class RunFailure extends Error {
  constructor(
    readonly index: number,
    readonly error: unknown,
    readonly end = index + 1,
  ) {
    super(errorText(error));
  }
}

export class EventConsumer {
  private consumer?: Consumer;
  private crashed?: Error;
  private restarts = 0;
  private restartTimer?: NodeJS.Timeout;
  private stopping = false;
  private readonly handlers = new Map<string, EventHandler>();
  private readonly turns = new Turns();

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly tables: MessagingTables,
    private readonly outbox: Outbox,
    private readonly deadLetters: DeadLetterStore,
    private readonly options: ConsumerOptions,
    private readonly log: Logger,
  ) {
    for (const handler of options.handlers) {
      if (!handler.handle && !handler.handleAll) throw new Error(`handler of ${String(handler.eventType)} has neither handle nor handleAll`);
      for (const type of typeof handler.eventType === 'string' ? [handler.eventType] : handler.eventType) this.handlers.set(type, handler);
    }
  }

  async start(): Promise<void> {
    // Retries long enough for a broker that has just started (or restarted) to load its group
    // coordinator. A member killed without leaving is given up after the broker's least session
    // (6 s), so its restart handles events within seconds; transactions heartbeat while they run.
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 6_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 1_000,
      retry: { retries: 20, initialRetryTime: 300, maxRetryTime: 5_000 },
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) {
        this.log.warn({ err: payload.error }, 'consumer failed; kafkajs restarts it');
        return;
      }
      // kafkajs gives up on some errors that heal all the same (a broker that refused the
      // connection while it restarted): the consumer is started again here, with backoff.
      this.crashed = payload.error;
      this.restartAfterCrash(consumer, payload.error);
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.crashed = undefined;
      this.restarts = 0;
      messagingMetrics().groupJoins.inc({ group: this.options.groupId });
      this.log.info({ memberId: payload.memberId, leader: payload.isLeader, partitions: Object.values(payload.memberAssignment).flat().length }, 'joined consumer group');
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: this.options.subscriptions.map((s) => s.topic), fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: this.options.concurrency,
        autoCommitInterval: 1_000,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.onBatch(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.consumer = consumer;
  }

  /** Stops fetching, lets the batch in hand finish, commits offsets and leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  /** A new kafkajs consumer in place of one kafkajs stopped for good, after a growing wait. */
  private restartAfterCrash(crashed: Consumer, error: Error): void {
    if (this.stopping) return;
    const waitMs = backoffMs(++this.restarts, 1_000, 30_000);
    this.log.error({ err: error, restart: this.restarts, inMs: waitMs }, 'consumer stopped by kafkajs; starting it again');
    this.restartTimer = setTimeout(async () => {
      await crashed.disconnect().catch(() => undefined);
      if (this.stopping) return;
      try {
        await this.start();
      } catch (failure) {
        this.restartAfterCrash(crashed, failure as Error);
      }
    }, waitMs);
  }

  /** Undefined while healthy; the error that stopped the consumer, until it has joined its group again. */
  get failure(): Error | undefined {
    return this.crashed;
  }

  /**
   * A partition's batch: runs of events are handled together, one transaction each; a run whose
   * transaction fails is split around the failing event, which is then retried alone. Offsets
   * are resolved only after the transaction that covers them has committed.
   */
  async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const subscription = this.options.subscriptions.find((s) => s.topic === batch.topic)!;
    const items = batch.messages.map((message) => this.itemOf(batch.topic, batch.partition, message, subscription));
    for (let i = 0; i < items.length && isRunning() && !isStale(); ) {
      const item = items[i];
      if (item.kind !== 'event') {
        if (item.kind === 'unreadable' && (await untilHealed(() => this.deadLetterUnreadable(item), heartbeat, isRunning, this.log, 'writing a dead letter')) === 'stopped') return;
        resolveOffset(item.offset);
        i++;
        continue;
      }
      const run: EventItem[] = [];
      let last = item.offset;
      for (; i < items.length && run.length < MAX_EVENTS_PER_TRANSACTION && items[i].kind !== 'unreadable'; i++) {
        const next = items[i];
        if (next.kind === 'event') run.push(next);
        last = next.offset;
      }
      const runs = [run];
      while (runs.length > 0 && isRunning() && !isStale()) {
        const current = runs.shift()!;
        if (current.length === 1) {
          // Stopping: the event stays unresolved, to be fetched again by whoever owns the partition next.
          if ((await this.handleAlone(current[0], heartbeat, isRunning)) === 'stopped') runs.unshift(current);
          continue;
        }
        try {
          // A transaction that fails on something that heals (the database away) waits, the run
          // whole, holding the partition where it is.
          if ((await untilHealed(() => this.handleTogether(current, heartbeat), heartbeat, isRunning, this.log, 'handling a run of events')) === 'stopped') runs.unshift(current);
        } catch (error) {
          // A handler's failure splits the run around it; anything else is judged event by event.
          if (error instanceof RunFailure) runs.unshift(...[current.slice(0, error.index), ...current.slice(error.index, error.end).map((item) => [item]), current.slice(error.end)].filter((r) => r.length > 0));
          else runs.unshift(...current.map((item) => [item]));
        }
      }
      if (runs.length > 0) return; // stopping or rebalanced: the rest is fetched again by whoever owns the partition
      resolveOffset(last);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /**
   * One event in its own transaction. A failure that heals (database or broker away) is retried
   * for as long as it takes, with capped backoff and jitter, holding the partition where it is;
   * one that never will is dead-lettered at once; one that cannot be told after the policy's attempts.
   */
  private async handleAlone(item: EventItem, heartbeat: () => Promise<void>, isRunning: () => boolean): Promise<Outcome> {
    const { retry } = this.options;
    for (let attempt = 1, attemptsCounted = 0; ; attempt++) {
      try {
        return await this.handleTogether([item], heartbeat);
      } catch (failure) {
        const error = failure instanceof RunFailure ? failure.error : failure;
        const kind = failureKind(error);
        if (kind !== 'transient') attemptsCounted++;
        if (kind === 'permanent' || attemptsCounted >= retry.attempts) {
          item.log.error({ err: error, attempt, failure: kind }, 'handler failed for good; dead-lettering');
          const reason = `handler failed after ${attempt} attempts: ${errorText(error)}${kind === 'permanent' ? ' (cannot succeed on retry)' : ''}`;
          const recorded = await untilHealed(() => this.deadLetters.record({ ...item.failed, reason, attempts: attempt }), heartbeat, isRunning, item.log, 'writing a dead letter');
          return recorded === 'stopped' ? 'stopped' : 'dead-lettered';
        }
        const waitMs = kind === 'transient' ? backoffMs(attempt, retry.initialBackoffMs, TRANSIENT_BACKOFF_CAP_MS) : Math.min(retry.maxBackoffMs, retry.initialBackoffMs * 2 ** (attempt - 1));
        item.log.warn({ err: error, attempt, failure: kind, backoffMs: waitMs }, kind === 'transient' ? 'handler failed on something that heals; retrying until it does' : 'handler failed; retrying');
        await sleepWithHeartbeat(waitMs, heartbeat);
        if (!isRunning()) return 'stopped';
      }
    }
  }

  /**
   * Events of one partition in one transaction: a multi-row inbox insert finds the new ones, each
   * handler runs in offset order, and all their outgoing events go to the outbox at once. Throws
   * a RunFailure naming the event whose handler failed; the whole transaction is rolled back.
   */
  private async handleTogether(items: EventItem[], heartbeat: () => Promise<void>): Promise<Outcome> {
    const groupId = this.options.groupId;
    // A slow transaction (a lock held elsewhere, a crowded database) keeps the membership alive,
    // so the group does not rebalance under it and hand its partition to another member.
    return whileHeartbeating(heartbeat, () => this.transaction(items, groupId));
  }

  /**
   * Runs of one partition number take turns: an order's events share that number on every topic,
   * so two runs of one group never wait on each other's order rows. In this process a run waits
   * for its turn before it takes a pooled connection, so waiting runs leave the pool to REST calls
   * and dead-letter writes; the advisory lock in the transaction makes replicas take turns too.
   */
  private transaction(items: EventItem[], groupId: string): Promise<Outcome> {
    const turn = `consume:${this.tables.schema}:${groupId}:${items[0].failed.partition}`;
    return this.turns.take(turn, () => this.transactionInTurn(items, groupId, turn));
  }

  private async transactionInTurn(items: EventItem[], groupId: string, turn: string): Promise<Outcome> {
    return this.dataSource.transaction(async (manager) => {
      // The turn's lock, then the inbox rows, in one round trip: the CTE is evaluated (and the
      // lock taken) before its one row lets the insert produce any.
      const inserted: { event_id: string }[] = await manager.query(
        `WITH turn AS (SELECT pg_advisory_xact_lock(hashtextextended($3, 0)))
         INSERT INTO ${this.tables.processedEvent} (consumer_group, event_id) SELECT $1, unnest($2::text[]) FROM turn ON CONFLICT DO NOTHING RETURNING event_id`,
        [groupId, items.map((item) => item.event.id), turn],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      const messages: OutboxMessage[] = [];
      let outcome: Outcome = 'duplicate';
      for (let index = 0; index < items.length; ) {
        const { handler } = items[index];
        // Consecutive events of one handler that takes runs go to it together.
        let end = index + 1;
        if (handler.handleAll) while (end < items.length && items[end].handler === handler) end++;
        const group = items.slice(index, end).filter(({ event, log }) => fresh.delete(event.id) || (log.debug('duplicate delivery ignored'), false));
        if (group.length > 0) {
          const timer = messagingMetrics().handlerSeconds.startTimer({ group: groupId, type: group[0].event.type });
          try {
            messages.push(...(await this.dispatch(handler, group, manager)));
          } catch (error) {
            messagingMetrics().failed.inc({ group: groupId, type: group[0].event.type });
            // A handler of runs names the event that failed. If it cannot, a failure that heals has
            // the run wait whole, and any other has each of the handler's events tried alone.
            const named = error instanceof EventFailure ? group[error.index] : undefined;
            if (named) throw new RunFailure(items.indexOf(named), (error as EventFailure).error);
            if (group.length > 1 && failureKind(error) === 'transient') throw error;
            throw new RunFailure(index, error, items.indexOf(group[group.length - 1]) + 1);
          }
          timer();
          for (const { event, failed } of group) messagingMetrics().consumed.inc({ group: groupId, topic: failed.topic, type: event.type });
          outcome = 'handled';
        }
        index = end;
      }
      await writeToOutbox(manager, this.tables, messages);
      return outcome;
    });
  }

  /** Runs the handler over its events (together where it can) and returns their outbox messages. */
  private async dispatch(handler: EventHandler, group: EventItem[], manager: EntityManager): Promise<OutboxMessage[]> {
    const outgoing: OutgoingEvent[] = [];
    if (handler.handleAll) {
      const log = group.length === 1 ? group[0].log : this.log.child({ topic: group[0].failed.topic, partition: group[0].failed.partition, events: group.length });
      const timers = timerBatch(manager, this.tables);
      const timersFor = (event: CloudEvent) => timers.schedulerFor(event.subject, event.correlationid ?? event.id);
      await handler.handleAll(group.map(({ event }) => event), { manager, log, publish: (next) => outgoing.push(next), timersFor });
      await timers.flush();
      return this.outbox.messagesOf(outgoing);
    }
    const messages: OutboxMessage[] = [];
    for (const { event, log } of group) {
      outgoing.length = 0;
      await handler.handle!(event, { manager, log, publish: (next) => outgoing.push(next), timers: timerScheduler(manager, this.tables, event.subject, event.correlationid ?? event.id) });
      messages.push(...this.outbox.messagesOf(outgoing, event));
    }
    return messages;
  }

  private async deadLetterUnreadable(item: Extract<Item, { kind: 'unreadable' }>): Promise<void> {
    const { failed, reason, offset } = item;
    this.log.warn({ topic: failed.topic, partition: failed.partition, offset, reason }, 'unreadable message dead-lettered');
    await this.deadLetters.record({ ...failed, reason, attempts: 0 });
  }

  private itemOf(topic: string, partition: number, message: KafkaMessage, subscription: Subscription): Item {
    if (this.passesOver(topic, message, subscription)) return { kind: 'ignored', offset: message.offset };
    const headers = headersToStrings(message.headers as Record<string, unknown>);
    const failed = { consumerGroup: this.options.groupId, topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, value: message.value, headers };
    const readable = this.read(message.value, headers, subscription);
    if (readable.ok && !readable.event) return { kind: 'ignored', offset: message.offset };
    if (!readable.ok) {
      if (subscription.deadLetterUnreadable === false) {
        this.log.debug({ topic, partition, offset: message.offset, reason: readable.reason }, 'unreadable message left to its owning group');
        return { kind: 'ignored', offset: message.offset };
      }
      return { kind: 'unreadable', offset: message.offset, failed, reason: readable.reason };
    }
    const event = readable.event!;
    const bindings = { eventId: event.id, type: event.type, subject: event.subject, correlationId: event.correlationid, causationId: event.causationid, topic, partition, offset: message.offset };
    const parent = this.log;
    let log: Logger | undefined;
    // The event's logger is made when first used: a run handled together logs on its own.
    return {
      kind: 'event',
      offset: message.offset,
      failed,
      event,
      handler: this.handlers.get(event.type)!,
      get log() {
        return (log ??= parent.child(bindings));
      },
    };
  }

  /**
   * A message of our own outboxes whose type header names a type this group does not handle (and
   * that its subscription accepts) is passed over unparsed. Platforms' topic is always parsed:
   * a header there is the platform's word, not ours.
   */
  private passesOver(topic: string, message: KafkaMessage, subscription: Subscription): boolean {
    if (topic === TOPICS.platformInbound) return false;
    const header = message.headers?.[EVENT_TYPE_HEADER];
    const type = Buffer.isBuffer(header) ? header.toString('utf8') : typeof header === 'string' ? header : undefined;
    if (type === undefined || this.handlers.has(type)) return false;
    return !subscription.knownTypes || subscription.knownTypes.includes(type);
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

/** Heartbeats every second while `work` runs (kafkajs shares one heartbeat request among callers). */
async function whileHeartbeating<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
  const beat = setInterval(() => void heartbeat().catch(() => undefined), 1_000);
  try {
    return await work();
  } finally {
    clearInterval(beat);
  }
}

/**
 * Runs `work` until it does not fail on something that heals, with capped backoff and jitter,
 * heartbeating meanwhile: a database that is away crashes no consumer and loses no dead letter.
 * Any other failure is thrown.
 */
async function untilHealed(work: () => Promise<unknown>, heartbeat: () => Promise<void>, isRunning: () => boolean, log: Logger, what: string): Promise<'done' | 'stopped'> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return 'done';
    } catch (error) {
      if (failureKind(error) !== 'transient') throw error;
      const waitMs = backoffMs(attempt, 250, TRANSIENT_BACKOFF_CAP_MS);
      log.warn({ err: error, attempt, backoffMs: waitMs }, `${what} failed on something that heals; retrying until it does`);
      await sleepWithHeartbeat(waitMs, heartbeat);
      if (!isRunning()) return 'stopped';
    }
  }
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
