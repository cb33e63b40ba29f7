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
  /** Durable timers of the event's order, written when the handler is done, as if set and cancelled one after another. */
  timersFor(event: CloudEvent): TimerScheduler;
  log: Logger;
}

/**
 * Thrown by `handleAll` for the one event it could not handle (a bug, bad data): the consumer
 * retries that event alone, and dead-letters it, while its batch-mates commit.
 */
export class EventFailure extends Error {
  constructor(
    /** The event's index in the events given to `handleAll`. */
    readonly index: number,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/** Runs `step` over the events in turn; a throw names the event it was thrown for (EventFailure). */
export async function forEachEvent<E>(events: readonly E[], step: (event: E, index: number) => unknown): Promise<void> {
  for (let index = 0; index < events.length; index++) {
    try {
      await step(events[index], index);
    } catch (error) {
      throw error instanceof EventFailure ? error : new EventFailure(index, error);
    }
  }
}

/** The context of one event of a run: what it publishes is caused by it, its timers are its order's. */
export function contextOf(event: CloudEvent, { manager, publish, timersFor, log }: BatchContext): HandlerContext {
  return { manager, log, publish: (next) => publish({ ...next, cause: next.cause ?? event }), timers: timersFor(event) };
}

/** An event handled alone as a run of one, so that a handler's `handle` can be its `handleAll`. */
export function batchOf({ manager, publish, timers, log }: HandlerContext): BatchContext {
  return { manager, publish, log, timersFor: () => timers };
}

export interface EventHandler<T = unknown> {
  /** The type it handles, or the types. */
  readonly eventType: string | readonly string[];
  handle(event: CloudEvent<T>, context: HandlerContext): Promise<void>;
  /**
   * Optional, for throughput: consecutive events of its types from one partition, in offset
   * order, in one call and one transaction, so their reads and writes can be multi-row. It must
   * do exactly what `handle` would do for each in turn. Throwing an EventFailure (forEachEvent)
   * names the event that failed, so that only it is isolated; of any other throw, one that heals
   * has the run wait whole, and the rest has every event of the call retried alone.
   */
  handleAll?(events: CloudEvent<T>[], context: BatchContext): Promise<void>;
}
