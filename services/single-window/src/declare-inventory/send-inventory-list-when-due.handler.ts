// CEB621, the inventory list that is the declaration itself (CONTRACT 8.2): the review has started
// and rules 0 to 2 passed. Its copNo is the system's declaration number, kept for good.
import { Injectable } from '@nestjs/common';
import { INSPECTION_EVENTS, InventoryListDueData } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { inventoryCopNo } from '../messages/cop-numbers.rule';
import { CustomsMessages } from '../messages/customs-messages';
import { CustomsOrder } from '../persistence/customs-order.entity';
import { lockCustomsOrder, saveCustomsOrder } from '../persistence/customs-orders';

@Injectable()
export class SendInventoryListWhenDueHandler implements EventHandler<InventoryListDueData> {
  readonly eventType = INSPECTION_EVENTS.inventoryListDue;

  constructor(private readonly messages: CustomsMessages) {}

  async handle(event: CloudEvent<InventoryListDueData>, { manager, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const { declaration, legalUnits, clearanceModel } = event.data;
    const order = (await lockCustomsOrder(manager, ref)) ?? manager.create(CustomsOrder, { ...ref, clearanceModel, orderData: null, ebpCode: null });
    if (order.copNo) return log.info({ copNo: order.copNo }, 'inventory list already sent; nothing changes');
    Object.assign(order, { declaration, legalUnits, copNo: inventoryCopNo(declaration.declarationNumber) });
    await saveCustomsOrder(manager, order);
    const sent = await this.messages.send(manager, order, { messageType: 'CEB621', appType: '1' });
    log.info({ guid: sent.guid, copNo: sent.copNo }, 'CEB621 inventory list sent');
  }
}
