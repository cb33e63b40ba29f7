// In which order an order's internal events reach the platform (ARCHITECTURE.md "Order of an
// order's events"): Kafka keeps order within one partition of one topic only, so an event that
// arrives before the step it follows is held back until the gap fills.
import type { CloudEvent } from '@cbec/messaging';
import { applyEvent, EventKind, kindOf, OrderState, OutboundMessage } from './outbound-data.rule';

export type Arrival = 'apply' | 'hold' | 'ignore';

/**
 * A status event applies when it is the next step; a later one waits; an earlier or equal one
 * was already told (a duplicate under a new id). A refusal refers to the step its service saw:
 * it applies once the order has reached that step, and waits until then. So does an after-sale
 * notice (return-accepted, return-completed), which changes no status either.
 */
export function judgeArrival(orderStep: number, event: { kind: EventKind; step: number }): Arrival {
  if (event.kind !== 'status') return event.step <= orderStep ? 'apply' : 'hold';
  if (event.step === orderStep + 1) return 'apply';
  return event.step > orderStep ? 'hold' : 'ignore';
}

export interface DeliveryPlan {
  arrival: Arrival;
  /** The order's state after the incoming event and every held event it released. */
  state: OrderState;
  messages: OutboundMessage[];
  /** Ids of held events that were applied or turned out to be duplicates: no longer held. */
  settled: string[];
}

/** The incoming event's fate and, when it applies, the held events that are now due, in order. */
export function planDelivery(state: OrderState, incoming: CloudEvent, held: CloudEvent[]): DeliveryPlan {
  const arrival = judgeArrival(state.step, stepOf(incoming));
  if (arrival !== 'apply') return { arrival, state, messages: [], settled: [] };

  let applied = applyEvent(state, incoming);
  const messages = [...applied.messages];
  const settled: string[] = [];
  // Lowest step first: a refusal due at step n goes out before the status event of step n + 1.
  const waiting = [...held].sort((a, b) => stepOf(a).step - stepOf(b).step);
  for (;;) {
    const judged = waiting.map((event) => ({ event, arrival: judgeArrival(applied.state.step, stepOf(event)) }));
    for (const { event } of judged.filter((j) => j.arrival === 'ignore')) settle(event);
    const next = judged.find((j) => j.arrival === 'apply')?.event;
    if (!next) break;
    settle(next);
    applied = applyEvent(applied.state, next);
    messages.push(...applied.messages);
  }
  return { arrival, state: applied.state, messages, settled };

  function settle(event: CloudEvent): void {
    waiting.splice(waiting.indexOf(event), 1);
    settled.push(event.id);
  }
}

/**
 * The ordering key of an event the translator handles. A refusal with no step is taken as about
 * the order as it is; a status event with no step cannot be put in order, which is a bug of its
 * emitter: it throws, so the messaging lib retries and then dead-letters it where ops can see it.
 */
export function stepOf(event: CloudEvent): { kind: EventKind; step: number } {
  const kind = kindOf(event.type);
  if (!kind) throw new Error(`${event.type} is neither a status event nor a refusal`);
  if (typeof event.step === 'number' && Number.isInteger(event.step)) return { kind, step: event.step };
  if (kind !== 'status') return { kind, step: 0 };
  throw new Error(`status event ${event.type} ${event.id} carries no step: it cannot be put in order`);
}
