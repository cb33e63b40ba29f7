// Which internal events a delivery plan of the outbound translator applied, in the order it
// applied them, so the read model takes them in exactly that order. planDelivery reports the
// held events it settled in the order it judged them; replaying its own judgement over that list
// tells the applied ones from the duplicates it dropped.
import type { CloudEvent } from '@cbec/messaging';
import type { DeliveryPlan } from './step-order.rule';
import { judgeArrival, stepOf } from './step-order.rule';

export function appliedEvents(orderStep: number, incoming: CloudEvent, held: CloudEvent[], plan: Pick<DeliveryPlan, 'arrival' | 'settled'>): CloudEvent[] {
  if (plan.arrival !== 'apply') return [];
  const byId = new Map(held.map((event) => [event.id, event]));
  const applied = [incoming];
  let step = advance(orderStep, incoming);
  for (const id of plan.settled) {
    const event = byId.get(id);
    if (!event || judgeArrival(step, stepOf(event)) !== 'apply') continue;
    applied.push(event);
    step = advance(step, event);
  }
  return applied;
}

/** A status event moves the order to its step; a refusal leaves the step as it is. */
function advance(step: number, event: CloudEvent): number {
  const ordering = stepOf(event);
  return ordering.kind === 'status' ? ordering.step : step;
}
