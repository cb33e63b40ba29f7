// An ops re-send (CONTRACT 8.5): the message is built again from the order's current data with a
// new guid (the inventory list with appType 2 and customs' numbers as they stand), sent, and the
// message it replaces no longer listed as refused.
import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrderRef, SingleWindowMessageType } from '@cbec/contracts';
import type { MessageInput } from '../messages/build-message';
import { MessageNotBuildable } from '../messages/build-message';
import { CustomsMessages } from '../messages/customs-messages';
import { CustomsMessage } from '../persistence/customs-message.entity';
import { lockCustomsOrder } from '../persistence/customs-orders';

@Injectable()
export class Resend {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: CustomsMessages,
  ) {}

  /** The new message; undefined when the order was never declared to the Single Window. */
  send(ref: OrderRef, messageType: SingleWindowMessageType): Promise<CustomsMessage | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const order = await lockCustomsOrder(manager, ref);
      if (!order) return undefined;
      const previous = await manager.findOne(CustomsMessage, { where: { ...ref, messageType, direction: 'OUT' }, order: { seq: 'DESC' } });
      if (!previous) throw new ConflictException(`order ${ref.platformId}/${ref.orderId} has no ${messageType} to send again`);
      const input: MessageInput = messageType === 'CEB621' ? { messageType, appType: '2' } : (previous.input as MessageInput);
      try {
        const sent = await this.messages.send(manager, order, input);
        await manager.update(CustomsMessage, { guid: previous.guid }, { resentAs: sent.guid });
        return sent;
      } catch (error) {
        if (error instanceof MessageNotBuildable) throw new ConflictException(error.message);
        throw error;
      }
    });
  }
}
