// The topics' history replayed as the gateway's consumer lives it: messages read and filtered as
// its subscriptions do, each event once by id, the platform's inbound events and customs'
// receipts recorded as they come, and the services' status events and refusals put in step order
// by the outbound translator's own rules (planDelivery, holding an early step back). The result,
// per order, is the events the projection applies, in the order it applies them.
import { INBOUND_EVENT_TYPES, orderKey, OrderRef, SINGLE_WINDOW_EVENTS, TOPICS } from '@cbec/contracts';
import { CloudEvent, decodeEvent, HistoryMessage, orderRefOf } from '@cbec/messaging';
import { initialState, kindOf, OrderState } from '../../sequencing/outbound-data.rule';
import { planDelivery, stepOf } from '../../sequencing/step-order.rule';
import { appliedEvents } from '../../sequencing/applied-events.rule';

export type { HistoryMessage } from '@cbec/messaging';

export interface ReplayedOrder {
  ref: OrderRef;
  /** What the projection applies, in order. */
  events: CloudEvent[];
}

export interface Replay {
  orders: Map<string, ReplayedOrder>;
  /** Every event id read, to tell what the live model saw after the history was taken. */
  eventIds: Set<string>;
  /** Messages the gateway's consumer would not apply: unreadable, unknown, not about an order, or a status event with no step. */
  skipped: number;
  /** Events still held back at the end, waiting for a step that never came. */
  held: number;
}

interface OrderProgress extends ReplayedOrder {
  state: OrderState;
  held: CloudEvent[];
}

/** Messages in the order the topics hold them (each partition in offset order). */
export function replayHistory(messages: HistoryMessage[]): Replay {
  const orders = new Map<string, OrderProgress>();
  const eventIds = new Set<string>();
  let skipped = 0;
  const progressOf = (ref: OrderRef) => {
    const key = orderKey(ref.platformId, ref.orderId);
    if (!orders.has(key)) orders.set(key, { ref, events: [], state: initialState(ref), held: [] });
    return orders.get(key)!;
  };

  for (const message of messages) {
    const event = readable(message);
    if (!event) {
      skipped++;
      continue;
    }
    if (eventIds.has(event.id)) continue;
    eventIds.add(event.id);
    const order = progressOf(orderRefOf(event)!);
    if (RECORDED_AS_THEY_COME[message.topic]) order.events.push(event);
    else deliver(order, event);
  }

  let held = 0;
  const replayed = new Map<string, ReplayedOrder>();
  for (const [key, { ref, events, held: waiting }] of orders) {
    replayed.set(key, { ref, events });
    held += waiting.length;
  }
  return { orders: replayed, eventIds, skipped, held };
}

/** The translator's step ordering, with the held events in memory instead of a table. */
function deliver(order: OrderProgress, event: CloudEvent): void {
  const plan = planDelivery(order.state, event, order.held);
  if (plan.arrival === 'hold') order.held.push(event);
  if (plan.arrival !== 'apply') return;
  order.events.push(...appliedEvents(order.state.step, event, order.held, plan));
  order.held = order.held.filter((held) => !plan.settled.includes(held.id));
  order.state = plan.state;
}

/** The topics whose events go straight to the read model, and which of their types it reads; the others go through the translator. */
const RECORDED_AS_THEY_COME: Record<string, readonly string[]> = {
  [TOPICS.platformInbound]: INBOUND_EVENT_TYPES,
  [TOPICS.singleWindowEvents]: [SINGLE_WINDOW_EVENTS.receiptRecorded],
};

/** The event the gateway's consumer would hand to the translator or the read model, if any. */
function readable(message: HistoryMessage): CloudEvent | undefined {
  const decoded = decodeEvent(message.value, message.headers);
  if (!decoded.ok || !orderRefOf(decoded.event)) return undefined;
  const { event } = decoded;
  const recorded = RECORDED_AS_THEY_COME[message.topic];
  if (recorded) return recorded.includes(event.type) ? event : undefined;
  if (!kindOf(event.type)) return undefined;
  try {
    stepOf(event);
    return event;
  } catch {
    return undefined;
  }
}
