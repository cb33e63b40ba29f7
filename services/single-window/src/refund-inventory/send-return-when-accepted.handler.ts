// CEB625 (CONTRACT 8.2): a return of goods of a declared order is accepted; the returned lines
// are declared under the return's own copNo, with customs' invtNo (else the declaration number).
import { Injectable } from '@nestjs/common';
import { LOGISTICS_EVENTS, ReturnAcceptedData } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { returnCopNo } from '../messages/cop-numbers.rule';
import { CustomsMessages } from '../messages/customs-messages';
import { lockCustomsOrder, saveCustomsOrder } from '../persistence/customs-orders';

@Injectable()
export class SendReturnWhenAcceptedHandler implements EventHandler<ReturnAcceptedData> {
  readonly eventType = LOGISTICS_EVENTS.returnAccepted;

  constructor(private readonly messages: CustomsMessages) {}

  async handle(event: CloudEvent<ReturnAcceptedData>, { manager, log }: HandlerContext): Promise<void> {
    const order = await lockCustomsOrder(manager, orderRefOf(event)!);
    if (!order?.copNo) return;
    const { notice, reason } = event.data;
    order.returnsSent += 1;
    const copNo = returnCopNo(order.copNo, order.returnsSent);
    const sent = await this.messages.send(manager, order, { messageType: 'CEB625', copNo, reason: reason ?? `return ${notice.returnId}`, items: notice.items });
    await saveCustomsOrder(manager, order);
    log.info({ guid: sent.guid, copNo, returnId: notice.returnId }, 'CEB625 return sent');
  }
}
