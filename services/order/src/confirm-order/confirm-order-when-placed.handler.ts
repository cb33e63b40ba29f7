// Order intake: an order-placed event becomes OrderConfirmed or OrderRejected, a duplicate
// changes nothing, and a conflicting re-send is refused while the first order goes on
// (intake-outcome.rule). A run of order-placed events is taken together: its orders read in one
// statement, written in one.
import { Injectable } from '@nestjs/common';
import { PLATFORM_EVENTS } from '@cbec/contracts';
import { BatchContext, CloudEvent, decideInTurn, EventHandler, EventInTurn, ordersOf } from '@cbec/messaging';
import { lockIntakeOrders, saveIntakeOrders } from '../persistence/intake-order-store';
import { IntakeOutcome, intakeOutcomeOf } from './intake-outcome.rule';

@Injectable()
export class ConfirmOrderWhenPlacedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.orderPlaced;

  async handleAll(events: CloudEvent[], context: BatchContext): Promise<void> {
    const known = await lockIntakeOrders(context.manager, ordersOf(events));
    const saved = await decideInTurn(events, known, context, (event, existing, inTurn) => logged(event, intakeOutcomeOf(event, inTurn.ref, inTurn.subject, existing), inTurn));
    await saveIntakeOrders(context.manager, saved);
  }
}

function logged(event: CloudEvent, outcome: IntakeOutcome, { subject, log }: EventInTurn): IntakeOutcome {
  const about = { eventId: event.id, subject };
  if (outcome.kind === 'same-content') log.info(about, 'order re-sent with the same content; nothing changes');
  if (outcome.kind === 'conflict') log.warn(about, 'order re-sent with different content; refused');
  if (outcome.kind === 'confirmed') log.info({ ...about, model: outcome.state.clearanceModel, corrected: outcome.corrected }, 'order confirmed');
  if (outcome.kind === 'rejected') log.info({ ...about, reasonCode: outcome.reasonCode, errors: outcome.details.length }, 'order rejected at intake');
  return outcome;
}
