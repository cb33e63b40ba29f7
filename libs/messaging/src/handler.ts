// What a service writes to react to an event: a plain object with the type it handles and a
// method that gets the event and a context (context.ts: its transaction, a way to publish, a logger).
import type { CloudEvent } from './cloud-event';
import type { BatchContext, HandlerContext } from './context';

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

/** A handler has `handle` or `handleAll`; the consumer calls `handleAll` where it has both. */
export interface EventHandler<T = unknown> {
  /** The type it handles, or the types. */
  readonly eventType: string | readonly string[];
  /** One event, in its own transaction. */
  handle?(event: CloudEvent<T>, context: HandlerContext): Promise<void>;
  /**
   * For throughput: consecutive events of its types from one partition (one or more), in offset
   * order, in one call and one transaction, so their reads and writes can be multi-row. It must
   * do for each what it would do for that event alone, in turn (decideInTurn). Throwing an
   * EventFailure (forEachEvent) names the event that failed, so that only it is isolated and
   * retried alone, as a run of one; of any other throw, one that heals has the run wait whole,
   * and the rest has every event of the call retried alone.
   */
  handleAll?(events: CloudEvent<T>[], context: BatchContext): Promise<void>;
}
