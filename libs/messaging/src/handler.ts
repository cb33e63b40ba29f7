// What a service writes to react to an event: a plain object with the type it handles and a
// method that gets the event and a context (its transaction, a way to publish, a logger).
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from './cloud-event';
import type { Logger } from './logger';
import type { TimerScheduler } from './timers';

export interface OutgoingEvent<T = unknown> {
  topic: string;
  type: string;
  data: T;
  /** `<platformId>/<orderId>`; the Kafka key too. Defaults to the incoming event's subject. */
  subject?: string;
  step?: number;
  /** The event this one follows from, when it is not the one being handled (e.g. a held-back event released later). */
  cause?: CloudEvent;
}

export interface HandlerContext {
  /** The transaction the handler's state changes, its outgoing events and the inbox row share. */
  manager: EntityManager;
  /** Queues an event; it is written to the outbox in the same transaction, caused by the incoming one. */
  publish<T>(event: OutgoingEvent<T>): void;
  /** Durable timers of this order, set or cancelled in the same transaction. */
  timers: TimerScheduler;
  log: Logger;
}

/** What a handler of a run of events gets: their shared transaction, and a publish that names the cause. */
export interface BatchContext {
  manager: EntityManager;
  publish<T>(event: OutgoingEvent<T> & { cause: CloudEvent }): void;
  log: Logger;
}

export interface EventHandler<T = unknown> {
  /** The type it handles, or the types. */
  readonly eventType: string | readonly string[];
  handle(event: CloudEvent<T>, context: HandlerContext): Promise<void>;
  /**
   * Optional, for throughput: consecutive events of its types from one partition, in offset
   * order, in one call and one transaction, so their reads and writes can be multi-row. It must
   * do exactly what `handle` would do for each in turn.
   */
  handleAll?(events: CloudEvent<T>[], context: BatchContext): Promise<void>;
}
