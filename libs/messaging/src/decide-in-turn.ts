// The loop of every handler that takes a run of events at once (handleAll): the run's orders read
// and locked with one statement, each event decided in turn against its order as the events
// before it left it, what each leads to published, and what the run changed written with one.
import { orderKey, OrderRef } from '@cbec/contracts';
import type { CloudEvent } from './cloud-event';
import { orderRefOf } from './consumer';
import { BatchContext, contextOf, HandlerContext, OutgoingEvent } from './context';
import { forEachEvent } from './handler';

/** What one event of a run comes to: its order's state after it (none: unchanged) and the events it leads to, in order. */
export interface Decided<S> {
  state?: S;
  publish?: readonly OutgoingEvent[];
}

/** What deciding one event gets besides it: its own context (what it publishes is caused by it, its timers are its order's) and its order's key. */
export interface EventInTurn extends HandlerContext {
  /** The order the event is about. */
  ref: OrderRef;
  /** Its key, `<platformId>/<orderId>`. */
  subject: string;
}

/** The orders of a run's events, for the statement that reads (and locks) them at once. */
export function ordersOf(events: readonly CloudEvent[]): OrderRef[] {
  return events.map((event) => orderRefOf(event)!);
}

/** The first event of each order of the run that `known` does not hold: what the run draws numbers or opens accounts for. */
export function firstEventsOfNewOrders<E extends CloudEvent>(events: readonly E[], known: ReadonlyMap<string, unknown>): E[] {
  const firsts = new Map<string, E>();
  for (const event of events) {
    const { platformId, orderId } = orderRefOf(event)!;
    const key = orderKey(platformId, orderId);
    if (!known.has(key) && !firsts.has(key)) firsts.set(key, event);
  }
  return [...firsts.values()];
}

/**
 * Decides the events in turn, each against its order's state in `states` (read by the caller,
 * undefined for an order it does not hold) as the events before it left it. What `decide` returns
 * is published, caused by its event, and its state becomes the order's. Returns the states the run
 * changed, the last of each order, in the order first changed: one write stores them. A throw
 * names its event (EventFailure), so that only it is retried alone.
 */
export async function decideInTurn<E extends CloudEvent, S, N extends S = S>(
  events: readonly E[],
  states: Map<string, S>,
  context: BatchContext,
  decide: (event: E, state: S | undefined, inTurn: EventInTurn) => Decided<N> | void | Promise<Decided<N> | void>,
): Promise<N[]> {
  const changed = new Map<string, N>();
  await forEachEvent(events, async (event) => {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const inTurn = { ...contextOf(event, context), ref, subject };
    const decided = await decide(event, states.get(subject), inTurn);
    for (const next of decided?.publish ?? []) inTurn.publish(next);
    if (decided?.state === undefined) return;
    states.set(subject, decided.state);
    changed.set(subject, decided.state);
  });
  return [...changed.values()];
}
