// The platform says the consignee has the goods (CONTRACT 2.2), judged by goods-received.rule;
// accepted, the clearance is completed. A wrong pickup code is counted under the shipment's row
// lock, so codes tried at once all count. A run of receipts is taken together: one locking read,
// one update, each receipt judged against the shipment as the ones before it left it.
import { contentHashOf } from '@cbec/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DeliveredData, LOGISTICS_EVENTS, orderKey, PLATFORM_EVENTS, refusal, TOPICS } from '@cbec/contracts';
import { BatchContext, batchOf, CloudEvent, contextOf, EventHandler, forEachEvent, HandlerContext, orderRefOf } from '@cbec/messaging';
import { LOGISTICS_CONFIG, LogisticsConfig } from '../config';
import { PICKUP_EXPIRY } from '../expire-pickup/expire-pickup-when-window-ends.timer';
import { lockShipments, ReceiptChange, saveReceipts, ShipmentRow } from '../persistence/shipment-store';
import { GoodsReceived, judgeGoodsReceived } from './goods-received.rule';

@Injectable()
export class ConfirmReceiptWhenGoodsReceivedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.goodsReceived;

  constructor(@Inject(LOGISTICS_CONFIG) private readonly config: LogisticsConfig) {}

  handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent[], context: BatchContext): Promise<void> {
    const shipments = await lockShipments(context.manager, events.map((event) => orderRefOf(event)!));
    const changes = new Map<string, ReceiptChange>();
    await forEachEvent(events, async (event) => {
      const ref = orderRefOf(event)!;
      const subject = orderKey(ref.platformId, ref.orderId);
      const shipment = shipments.get(subject) ?? null;
      const receiptHash = contentHashOf(event.data);
      const now = new Date();
      const judged = judgeGoodsReceived(shipment, event.data, receiptHash, subject, now, this.config.pickupLockout);
      const change = await settle(event, shipment, judged, receiptHash, now, contextOf(event, context));
      if (!change) return;
      shipments.set(subject, { ...shipment!, ...change });
      changes.set(subject, change);
    });
    await saveReceipts(context.manager, [...changes.values()]);
  }
}

/** Publishes what the judged receipt leads to; returns what it changes of the shipment. */
async function settle(event: CloudEvent, shipment: ShipmentRow | null, judged: GoodsReceived, receiptHash: string, now: Date, { publish, timers, log }: HandlerContext): Promise<ReceiptChange | undefined> {
  const ref = orderRefOf(event)!;
  const subject = orderKey(ref.platformId, ref.orderId);
  const about = { eventId: event.id, subject };
  if (judged.kind === 'already-received') return void log.info(about, 'accepted receipt re-sent; nothing changes');
  if (judged.kind === 'refused') {
    const { reasonCode, attempts } = judged;
    if (attempts?.lockedUntil) log.warn({ ...about, lockedUntil: attempts.lockedUntil.toISOString() }, 'too many wrong pickup codes: the order takes no code until then');
    log.info({ ...about, reasonCode }, 'goods-received refused');
    publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.requestRefused, subject, data: refusal(ref, event, judged, shipment?.clearanceModel ?? null), step: shipment?.step ?? 0 });
    return attempts && { ...changeOf(shipment!), pickupWrongCodes: attempts.wrongCodes, pickupLockedUntil: attempts.lockedUntil };
  }
  await timers.cancel(PICKUP_EXPIRY, subject);
  const step = shipment!.step + 1;
  log.info({ ...about, method: judged.receipt.method }, 'goods received; clearance completed');
  const { declarationNumber, permitNumber, clearanceModel } = shipment!;
  // completedAt opens the return window of retail orders (CONTRACT 7.3).
  const notice = { declarationNumber: declarationNumber ?? '', ...(permitNumber ? { permitNumber } : {}), completedAt: now.toISOString() };
  publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.delivered, subject, step, data: { ...ref, clearanceModel, notice } satisfies DeliveredData });
  return { ...ref, status: 'COMPLETED', step, receiptHash, completedAt: now, pickupWrongCodes: 0, pickupLockedUntil: null };
}

function changeOf({ platformId, orderId, status, step, receiptHash, completedAt, pickupWrongCodes, pickupLockedUntil }: ShipmentRow): ReceiptChange {
  return { platformId, orderId, status, step, receiptHash, completedAt, pickupWrongCodes, pickupLockedUntil };
}
