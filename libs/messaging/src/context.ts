// What a handler gets besides its event: the transaction, a way to publish what follows, its
// order's timers and a logger; for one event, or for a run of them.
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from './cloud-event';
import type { Logger } from './logger';

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

export interface TimerScheduler {
  /** Sets (or moves) the timer of this kind for the order; `data` comes back when it fires. */
  schedule(kind: string, dueAt: Date, data?: unknown, subject?: string): Promise<void>;
  cancel(kind: string, subject?: string): Promise<void>;
}

/** The context of one event of a run: what it publishes is caused by it, its timers are its order's. */
export function contextOf(event: CloudEvent, { manager, publish, timersFor, log }: BatchContext): HandlerContext {
  return { manager, log, publish: (next) => publish({ ...next, cause: next.cause ?? event }), timers: timersFor(event) };
}

/** An event handled alone as a run of one, so that a handler's `handle` can be its `handleAll`. */
export function batchOf({ manager, publish, timers, log }: HandlerContext): BatchContext {
  return { manager, publish, log, timersFor: () => timers };
}
