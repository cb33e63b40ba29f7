// CEB623 (CONTRACT 8.2): an order whose inventory list was sent is CANCELLED. The cancellation
// names customs' invtNo; until a 120 receipt gives one, it waits (the receipt sends it).
import { Injectable } from '@nestjs/common';
import { INSPECTION_EVENTS, LOGISTICS_EVENTS, OrderCancelledData, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { CustomsMessages } from '../messages/customs-messages';
import { lockCustomsOrder, saveCustomsOrder } from '../persistence/customs-orders';

@Injectable()
export class SendCancellationWhenCancelledHandler implements EventHandler<OrderCancelledData> {
  /** Whichever service held the order when it was cancelled announces it. */
  readonly eventType = [INSPECTION_EVENTS.cancelled, TAX_PERMIT_EVENTS.cancelled, LOGISTICS_EVENTS.cancelled];

  constructor(private readonly messages: CustomsMessages) {}

  async handle(event: CloudEvent<OrderCancelledData>, { manager, log }: HandlerContext): Promise<void> {
    const order = await lockCustomsOrder(manager, orderRefOf(event)!);
    if (!order?.copNo) return;
    if (order.cancellationReason !== null) return log.info('cancellation already recorded; nothing changes');
    order.cancellationReason = event.data.notice.reason;
    if (order.invtNo) {
      const sent = await this.messages.send(manager, order, { messageType: 'CEB623', reason: order.cancellationReason });
      order.cancellationSent = true;
      log.info({ guid: sent.guid, copNo: sent.copNo }, 'CEB623 cancellation sent');
    } else log.info('CEB623 cancellation waits for customs\' invtNo');
    await saveCustomsOrder(manager, order);
  }
}
