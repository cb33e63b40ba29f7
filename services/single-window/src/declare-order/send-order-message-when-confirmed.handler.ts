// CEB311 (CONTRACT 8.2): an order of a model declared to the Single Window is confirmed; its
// order message is built, signed and sent. The order is kept for what follows.
import { Inject, Injectable } from '@nestjs/common';
import { CLEARANCE_MODEL_RULES, ORDER_EVENTS, OrderConfirmedData } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { CustomsMessages } from '../messages/customs-messages';
import { CustomsOrder } from '../persistence/customs-order.entity';
import { lockCustomsOrder, saveCustomsOrder } from '../persistence/customs-orders';
import { SINGLE_WINDOW_CONFIG, SingleWindowConfig } from '../config';

@Injectable()
export class SendOrderMessageWhenConfirmedHandler implements EventHandler<OrderConfirmedData> {
  readonly eventType = ORDER_EVENTS.orderConfirmed;

  constructor(
    private readonly messages: CustomsMessages,
    @Inject(SINGLE_WINDOW_CONFIG) private readonly config: SingleWindowConfig,
  ) {}

  async handle(event: CloudEvent<OrderConfirmedData>, { manager, log }: HandlerContext): Promise<void> {
    const { order, clearanceModel } = event.data;
    if (CLEARANCE_MODEL_RULES[clearanceModel].singleWindowTradeMode === null) return;
    const ref = orderRefOf(event)!;
    if (await lockCustomsOrder(manager, ref)) return log.info('order message already sent; nothing changes');
    const customsOrder = manager.create(CustomsOrder, { ...ref, clearanceModel, orderData: order, ebpCode: ebpCodeOf(this.config, ref.platformId) });
    await saveCustomsOrder(manager, customsOrder);
    const sent = await this.messages.send(manager, customsOrder, { messageType: 'CEB311' });
    log.info({ guid: sent.guid }, 'CEB311 order message sent');
  }
}

/** The platform's code in the profile (its own entry, else the "*" one): a CEB312 names the order by it. */
function ebpCodeOf({ profile }: SingleWindowConfig, platformId: string): string | null {
  return (profile.platforms[platformId] ?? profile.platforms['*'])?.ebpCode ?? null;
}
