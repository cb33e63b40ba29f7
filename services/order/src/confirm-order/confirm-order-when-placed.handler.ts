// Order intake: an order-placed event becomes OrderConfirmed or OrderRejected, a duplicate
// changes nothing, and a conflicting re-send is refused while the first order goes on. A run of
// order-placed events is taken together: its orders read in one statement, written in one.
import { Injectable } from '@nestjs/common';
import { nextStep, ORDER_EVENTS, orderKey, OrderConfirmedData, PLATFORM_EVENTS, refusal, rejection, TOPICS } from '@cbec/contracts';
import { contentHashOf, judgeOrderIntake } from '@cbec/domain';
import { BatchContext, batchOf, CloudEvent, EventHandler, forEachEvent, HandlerContext, orderRefOf, storableJson } from '@cbec/messaging';
import { IntakeRow, KnownIntake, lockIntakeOrders, saveIntakeOrders } from '../persistence/intake-order-store';
import { judgeResubmission } from './resubmission.rule';

@Injectable()
export class ConfirmOrderWhenPlacedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.orderPlaced;

  handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent[], context: BatchContext): Promise<void> {
    const known = await lockIntakeOrders(context.manager, events.map((event) => orderRefOf(event)!));
    const saved = new Map<string, IntakeRow>();
    await forEachEvent(events, (event) => {
      const ref = orderRefOf(event)!;
      const key = orderKey(ref.platformId, ref.orderId);
      const row = this.intake(event, known.get(key) ?? null, context);
      if (!row) return;
      // A later event of the same order in the run is judged against this row, as it would be one by one.
      known.set(key, row);
      saved.set(key, row);
    });
    await saveIntakeOrders(context.manager, [...saved.values()]);
  }

  /** The row to save for the order, if the event changes it; publishes what follows. */
  private intake(event: CloudEvent, existing: KnownIntake | null, { publish, log }: BatchContext): IntakeRow | undefined {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const about = { eventId: event.id, subject };
    const contentHash = contentHashOf(event.data);
    const resubmission = judgeResubmission(existing, contentHash);

    if (resubmission === 'same-content') return void log.info(about, 'order re-sent with the same content; nothing changes');
    if (resubmission === 'conflict') {
      log.warn(about, 'order re-sent with different content; refused');
      const message = `order ${subject} was already accepted with different content; the first order goes on`;
      return void publish({ topic: TOPICS.orderEvents, type: ORDER_EVENTS.requestRefused, subject, data: refusal(ref, event, { reasonCode: 'ORDER_CONFLICT', message }), step: existing!.step, cause: event });
    }

    const verdict = judgeOrderIntake(event.data);
    const step = nextStep(existing ?? {});
    const clearanceModel = verdict.ok ? verdict.order.clearanceModel : validModelOf(event.data);
    // As sent; a rejected order's text may hold what jsonb cannot, kept escaped.
    const row: IntakeRow = { ...ref, outcome: verdict.ok ? 'CONFIRMED' : 'REJECTED', clearanceModel, reasonCode: verdict.ok ? null : verdict.reasonCode, details: verdict.ok ? [] : verdict.details, contentHash, data: storableJson(event.data), step, eventId: event.id };
    if (verdict.ok) {
      log.info({ ...about, model: clearanceModel, corrected: resubmission === 'corrected' }, 'order confirmed');
      const confirmed: OrderConfirmedData = { ...ref, clearanceModel: verdict.order.clearanceModel, order: verdict.order };
      publish({ topic: TOPICS.orderEvents, type: ORDER_EVENTS.orderConfirmed, subject, data: confirmed, step, cause: event });
    } else {
      log.info({ ...about, reasonCode: verdict.reasonCode, errors: verdict.details.length }, 'order rejected at intake');
      publish({ topic: TOPICS.orderEvents, type: ORDER_EVENTS.orderRejected, subject, data: rejection(ref, clearanceModel, verdict.reasonCode, verdict.details), step, cause: event });
    }
    return row;
  }
}

function validModelOf(data: unknown): OrderConfirmedData['clearanceModel'] | null {
  const model = (data as { clearanceModel?: unknown })?.clearanceModel;
  return model === 'DIRECT_MAIL' || model === 'GENERAL_TRADE' || model === 'BONDED_ZONE' ? model : null;
}
