// Order intake: an order-placed event becomes OrderConfirmed or OrderRejected, a duplicate
// changes nothing, and a conflicting re-send is refused while the first order goes on.
import { Injectable } from '@nestjs/common';
import { ORDER_EVENTS, orderKey, OrderConfirmedData, PLATFORM_EVENTS, rejection, RequestRefusedData, TOPICS } from '@cbec/contracts';
import { contentHashOf, judgeOrderIntake } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf, storableJson } from '@cbec/messaging';
import { IntakeOrder } from '../persistence/order.entity';
import { judgeResubmission } from './resubmission.rule';

@Injectable()
export class ConfirmOrderWhenPlacedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.orderPlaced;

  async handle(event: CloudEvent, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const orders = manager.getRepository(IntakeOrder);
    const existing = await orders.findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    const contentHash = contentHashOf(event.data);
    const resubmission = judgeResubmission(existing, contentHash);

    if (resubmission === 'same-content') return log.info('order re-sent with the same content; nothing changes');
    if (resubmission === 'conflict') {
      log.warn('order re-sent with different content; refused');
      const refusal: RequestRefusedData = { ...ref, refusedEventId: event.id, refusedType: event.type, reasonCode: 'ORDER_CONFLICT', message: `order ${subject} was already accepted with different content; the first order goes on` };
      return publish({ topic: TOPICS.orderEvents, type: ORDER_EVENTS.requestRefused, subject, data: refusal, step: existing!.step });
    }

    const verdict = judgeOrderIntake(event.data);
    const step = (existing?.step ?? 0) + 1;
    const clearanceModel = verdict.ok ? verdict.order.clearanceModel : validModelOf(event.data);
    await orders.save({
      ...ref,
      outcome: verdict.ok ? 'CONFIRMED' : 'REJECTED',
      clearanceModel,
      reasonCode: verdict.ok ? null : verdict.reasonCode,
      details: verdict.ok ? [] : verdict.details,
      contentHash,
      // As sent; a rejected order's text may hold what jsonb cannot, kept escaped.
      data: storableJson(event.data),
      step,
      eventId: event.id,
    });

    if (verdict.ok) {
      log.info({ model: clearanceModel, corrected: resubmission === 'corrected' }, 'order confirmed');
      const confirmed: OrderConfirmedData = { ...ref, clearanceModel: verdict.order.clearanceModel, order: verdict.order };
      return publish({ topic: TOPICS.orderEvents, type: ORDER_EVENTS.orderConfirmed, subject, data: confirmed, step });
    }
    log.info({ reasonCode: verdict.reasonCode, errors: verdict.details.length }, 'order rejected at intake');
    publish({ topic: TOPICS.orderEvents, type: ORDER_EVENTS.orderRejected, subject, data: rejection(ref, clearanceModel, verdict.reasonCode, verdict.details), step });
  }
}

function validModelOf(data: unknown): OrderConfirmedData['clearanceModel'] | null {
  const model = (data as { clearanceModel?: unknown })?.clearanceModel;
  return model === 'DIRECT_MAIL' || model === 'GENERAL_TRADE' || model === 'BONDED_ZONE' ? model : null;
}
