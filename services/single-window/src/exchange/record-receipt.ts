// Records one receipt of customs in one transaction (CONTRACT 8.4): finds the document it answers
// (by copNo, the order number, customs' invtNo, or for a CEB900 the message it quotes), keeps it
// once by its guid, applies receipt-effects.rule and publishes receipt-recorded, which the
// timeline shows and inspection follows. A receipt that names no known document is refused.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CustomsReceiptData, orderKey, SINGLE_WINDOW_EVENTS, TOPICS } from '@cbec/contracts';
import { Logger, Messaging } from '@cbec/messaging';
import { LOGGER } from '@cbec/service-kit';
import type { Receipt } from '@cbec/single-window';
import { CustomsMessages } from '../messages/customs-messages';
import { CustomsMessage } from '../persistence/customs-message.entity';
import { CustomsOrder } from '../persistence/customs-order.entity';
import { lockCustomsOrder, saveCustomsOrder } from '../persistence/customs-orders';
import { TaxBills } from '../tax-bill/tax-bills';
import { ANSWERED_MESSAGE, receiptEffects, returnTimeOf } from './receipt-effects.rule';

export type RecordOutcome = { kind: 'recorded'; order: string } | { kind: 'duplicate' } | { kind: 'unknown-document'; reason: string };

@Injectable()
export class ReceiptRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: Messaging,
    private readonly messages: CustomsMessages,
    private readonly taxBills: TaxBills,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  record(receipt: Receipt, xml: string): Promise<RecordOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const found = await findDocument(manager, receipt);
      if ('reason' in found) return { kind: 'unknown-document', reason: found.reason };
      const order = (await lockCustomsOrder(manager, found.order))!;
      const at = returnTimeOf(receipt.returnTime) ?? new Date().toISOString();
      const { returnStatus, returnInfo } = statusOf(receipt);
      const inserted = await manager.query(
        `INSERT INTO ${manager.connection.getMetadata(CustomsMessage).tablePath} (guid, platform_id, order_id, message_type, direction, cop_no, at, return_status, return_info, xml)
         VALUES ($1, $2, $3, $4, 'IN', $5, $6, $7, $8, $9) ON CONFLICT (guid) DO NOTHING RETURNING guid`,
        [receipt.guid, order.platformId, order.orderId, receipt.messageType, found.original?.copNo ?? null, at, returnStatus, returnInfo, xml],
      );
      if (inserted.length === 0) return { kind: 'duplicate' };
      const log = this.log.child({ subject: orderKey(order.platformId, order.orderId), messageType: receipt.messageType, returnStatus });

      const effects = receiptEffects(order, receipt);
      if (effects.preNo) order.preNo = effects.preNo;
      if (effects.invtNo) order.invtNo = effects.invtNo;
      if (effects.taxBill) {
        order.taxBill = effects.taxBill;
        this.taxBills.compare(order, log);
      }
      if (effects.refused && found.original) {
        await manager.update(CustomsMessage, { guid: found.original.guid }, { refusedAt: new Date(at), refusal: `${returnStatus}: ${returnInfo}` });
        log.warn({ refused: found.original.guid, returnInfo }, 'the exchange refused a message; ops fix the cause and re-send it');
      }
      if (effects.sendCancellation) {
        order.cancellationSent = true;
        const sent = await this.messages.send(manager, order, { messageType: 'CEB623', reason: order.cancellationReason! });
        log.info({ guid: sent.guid }, 'CEB623 cancellation sent now that customs gave its invtNo');
      }
      await saveCustomsOrder(manager, order);
      await this.messaging.outbox.publish(manager, [{ topic: TOPICS.singleWindowEvents, type: SINGLE_WINDOW_EVENTS.receiptRecorded, subject: orderKey(order.platformId, order.orderId), data: dataOf(order, receipt, found.original, at) }]);
      log.info({ guid: receipt.guid }, 'customs receipt recorded');
      return { kind: 'recorded', order: orderKey(order.platformId, order.orderId) };
    });
  }
}

function statusOf(receipt: Receipt): { returnStatus: string; returnInfo: string } {
  if (receipt.messageType === 'CEB816') return { returnStatus: receipt.status, returnInfo: `tax bill ${receipt.taxNo}: duty ${receipt.customsTax}, VAT ${receipt.valueAddedTax}, consumption tax ${receipt.consumptionTax}` };
  return { returnStatus: receipt.returnStatus, returnInfo: receipt.returnInfo };
}

function dataOf(order: CustomsOrder, receipt: Receipt, original: CustomsMessage | undefined, at: string): CustomsReceiptData {
  return {
    platformId: order.platformId,
    orderId: order.orderId,
    clearanceModel: order.clearanceModel,
    messageType: receipt.messageType,
    guid: receipt.guid,
    ...(original?.copNo ? { copNo: original.copNo } : {}),
    ...statusOf(receipt),
    at,
    ...(order.preNo ? { preNo: order.preNo } : {}),
    ...(order.invtNo ? { invtNo: order.invtNo } : {}),
    ...(receipt.messageType === 'CEB816' && order.taxBill ? { taxBill: order.taxBill } : {}),
  };
}

type Found = { order: { platformId: string; orderId: string }; original?: CustomsMessage } | { reason: string };

async function findDocument(manager: EntityManager, receipt: Receipt): Promise<Found> {
  const messages = manager.getRepository(CustomsMessage);
  const ofMessage = (message: CustomsMessage | null, what: string): Found =>
    message?.platformId && message.orderId ? { order: { platformId: message.platformId, orderId: message.orderId }, original: message } : { reason: `names no known document (${what})` };
  const latest = (where: { copNo?: string; messageType?: string; platformId?: string; orderId?: string; fileName?: string }) =>
    messages.findOne({ where: { ...where, direction: 'OUT' as const }, order: { seq: 'DESC' } });

  switch (receipt.messageType) {
    case 'CEB622':
    case 'CEB624':
    case 'CEB626':
      if (!receipt.copNo) return { reason: `a ${receipt.messageType} without copNo names no document` };
      return ofMessage(await latest({ copNo: receipt.copNo, messageType: ANSWERED_MESSAGE[receipt.messageType] }), `copNo ${receipt.copNo}`);
    case 'CEB312': {
      if (!receipt.orderNo) return { reason: 'a CEB312 without orderNo names no order' };
      return ofMessage(await latest({ copNo: receipt.orderNo, messageType: 'CEB311' }), `orderNo ${receipt.orderNo}`);
    }
    case 'CEB816': {
      const order = await manager.findOne(CustomsOrder, { where: [{ invtNo: receipt.invtNo }, { copNo: receipt.invtNo }] });
      return order ? { order, original: (await latest({ platformId: order.platformId, orderId: order.orderId, messageType: 'CEB621' })) ?? undefined } : { reason: `names no known document (invtNo ${receipt.invtNo})` };
    }
    case 'CEB900': {
      if (receipt.oriGuid) return ofMessage(await messages.findOne({ where: { guid: receipt.oriGuid, direction: 'OUT' } }), `guid ${receipt.oriGuid}`);
      if (receipt.oriCopNo) return ofMessage(await latest({ copNo: receipt.oriCopNo, ...(receipt.oriMessageType ? { messageType: receipt.oriMessageType } : {}) }), `copNo ${receipt.oriCopNo}`);
      const fileName = receipt.oriCopMsgId.split(/[\\/]/).pop() ?? '';
      return ofMessage(fileName ? await latest({ fileName }) : null, `file ${receipt.oriCopMsgId || '(none)'}`);
    }
    default:
      return { reason: `${(receipt as Receipt).messageType} is not a receipt` };
  }
}
