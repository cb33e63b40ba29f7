// Sends a message to the Single Window: builds it (build-message.ts), signs it with the
// enterprise's identity, and keeps it in the caller's transaction. In `folder` mode it is named
// for the out folder, where the exchange writer puts it once the transaction has committed.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { consumerKeyOf } from '@cbec/privacy';
import { CONSUMER_KEY_SECRET } from '@cbec/service-kit';
import { MessageContext, messageFileName, signMessage } from '@cbec/single-window';
import { SINGLE_WINDOW_CONFIG, SingleWindowConfig } from '../config';
import type { CustomsOrder } from '../persistence/customs-order.entity';
import { CustomsMessage } from '../persistence/customs-message.entity';
import { messagesSent } from '../metrics';
import { buildMessage, MessageInput } from './build-message';

/** consumer.accountId's default: a stable keyed hash of the ID number, never the number (CONTRACT 8.2); 32 of the 60 characters allowed. */
const BUYER_REG_NO_LENGTH = 32;

@Injectable()
export class CustomsMessages {
  constructor(
    @Inject(SINGLE_WINDOW_CONFIG) private readonly config: SingleWindowConfig,
    @Inject(CONSUMER_KEY_SECRET) private readonly consumerKeySecret: string,
  ) {}

  async send(manager: EntityManager, order: CustomsOrder, input: MessageInput): Promise<CustomsMessage> {
    const at = new Date();
    const context: MessageContext = {
      profile: this.config.profile,
      guid: randomUUID().toUpperCase(),
      at,
      buyerRegNoFor: (idNumber: string) => consumerKeyOf(idNumber, this.consumerKeySecret).slice(0, BUYER_REG_NO_LENGTH),
    };
    const built = buildMessage(order, input, context);
    const message = manager.create(CustomsMessage, {
      guid: context.guid,
      platformId: order.platformId,
      orderId: order.orderId,
      messageType: built.messageType,
      direction: 'OUT',
      copNo: built.copNo,
      appType: built.appType,
      at,
      xml: signMessage(built.xml, this.config.identity),
      input,
      fileName: this.config.mode === 'folder' ? messageFileName(built.messageType, built.copNo, at) : null,
    });
    await manager.save(CustomsMessage, message);
    messagesSent.inc({ message_type: built.messageType });
    return message;
  }
}
