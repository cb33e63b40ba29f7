// The platform says the consignee has the goods (CONTRACT 2.2): checked against the order's
// state first, then its content, then the hand-over; accepted, the clearance is completed. A wrong
// pickup code is counted under the shipment's row lock, so codes tried at once all count.
import { contentHashOf } from '@cbec/domain';
import { Inject, Injectable } from '@nestjs/common';
import {
  ClearanceEventData,
  CLEARANCE_MODEL_RULES,
  DeliveredData,
  FieldError,
  GoodsReceivedData,
  LOGISTICS_EVENTS,
  orderKey,
  PLATFORM_EVENTS,
  RefusalReason,
  RequestRefusedData,
  TOPICS,
  validatePayload,
} from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { LOGISTICS_CONFIG, LogisticsConfig } from '../config';
import { PICKUP_EXPIRY } from '../expire-pickup/expire-pickup-when-window-ends.timer';
import { Shipment, ShipmentStatus } from '../persistence/shipment.entity';
import { afterWrongCode, isLockedOut } from './pickup-lockout.rule';
import { judgeReceipt } from './receipt.rule';

const AWAITING_RECEIPT: readonly ShipmentStatus[] = ['OUT_FOR_DELIVERY', 'READY_FOR_PICKUP'];

@Injectable()
export class ConfirmReceiptWhenGoodsReceivedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.goodsReceived;

  constructor(@Inject(LOGISTICS_CONFIG) private readonly config: LogisticsConfig) {}

  async handle(event: CloudEvent, { manager, publish, timers, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const shipments = manager.getRepository(Shipment);
    const shipment = await shipments.findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    const receiptHash = contentHashOf(event.data);
    if (shipment?.receiptHash === receiptHash) return log.info('accepted receipt re-sent; nothing changes');

    const refuse = (reasonCode: RefusalReason, message: string, details?: FieldError[]) => {
      log.info({ reasonCode }, 'goods-received refused');
      publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.requestRefused, subject, data: refusalOf(event, shipment, reasonCode, message, details), step: shipment?.step ?? 0 });
    };
    if (!shipment || !AWAITING_RECEIPT.includes(shipment.status)) {
      return refuse('UNEXPECTED_EVENT', `order ${subject} is not waiting for its goods to be received (${shipment ? `status ${shipment.status}` : 'not handed over'})`);
    }
    const { value: receipt, errors } = validatePayload(GoodsReceivedData, event.data);
    if (!receipt) return refuse('INVALID_REQUEST', 'the goods-received data is invalid', errors);
    const now = new Date();
    const attempts = { wrongCodes: shipment.pickupWrongCodes, lockedUntil: shipment.pickupLockedUntil };
    const lockedOutUntil = isLockedOut(attempts, now) ? attempts.lockedUntil! : undefined;
    const verdict = judgeReceipt({ handOver: CLEARANCE_MODEL_RULES[shipment.clearanceModel].handOver, pickupCode: shipment.pickupCode, lockedOutUntil }, receipt);
    if (!verdict.accepted) {
      if (verdict.wrongCode) {
        const after = afterWrongCode(attempts, now, this.config.pickupLockout);
        await shipments.update(ref, { pickupWrongCodes: after.wrongCodes, pickupLockedUntil: after.lockedUntil });
        if (after.lockedUntil) log.warn({ lockedUntil: after.lockedUntil.toISOString() }, 'too many wrong pickup codes: the order takes no code until then');
      }
      return refuse(verdict.reasonCode, verdict.message, verdict.details);
    }

    await timers.cancel(PICKUP_EXPIRY, subject);
    const step = shipment.step + 1;
    // completedAt opens the return window of retail orders (CONTRACT 7.3).
    const completedAt = now;
    await shipments.update(ref, { status: 'COMPLETED', step, receiptHash, completedAt, pickupWrongCodes: 0, pickupLockedUntil: null });
    log.info({ method: receipt.method }, 'goods received; clearance completed');
    const { declarationNumber, permitNumber, clearanceModel } = shipment;
    const notice = { declarationNumber: declarationNumber ?? '', ...(permitNumber ? { permitNumber } : {}), completedAt: completedAt.toISOString() };
    publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.delivered, subject, step, data: { ...ref, clearanceModel, notice } satisfies DeliveredData });
  }
}

/** The refusal, with the order's model when logistics knows the order (null otherwise). */
function refusalOf(event: CloudEvent, shipment: Shipment | null, reasonCode: RefusalReason, message: string, details?: FieldError[]): RequestRefusedData & Pick<ClearanceEventData, 'clearanceModel'> {
  const ref = orderRefOf(event)!;
  return { ...ref, clearanceModel: shipment?.clearanceModel ?? null, refusedEventId: event.id, refusedType: event.type, reasonCode, message, ...(details ? { details } : {}) };
}
