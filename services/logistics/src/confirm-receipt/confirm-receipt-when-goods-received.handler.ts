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
import { lockShipments, saveReceipts, ShipmentRow } from '../persistence/shipment-store';
import { judgeGoodsReceived, receiptOutcomeOf, ShipmentChange } from './goods-received.rule';

@Injectable()
export class ConfirmReceiptWhenGoodsReceivedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.goodsReceived;

  constructor(@Inject(LOGISTICS_CONFIG) private readonly config: LogisticsConfig) {}

  handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent[], context: BatchContext): Promise<void> {
    const shipments = await lockShipments(context.manager, events.map((event) => orderRefOf(event)!));
    const changed = new Map<string, ShipmentRow>();
    await forEachEvent(events, async (event) => {
      const ref = orderRefOf(event)!;
      const subject = orderKey(ref.platformId, ref.orderId);
      const shipment = shipments.get(subject) ?? null;
      const change = await this.receive(event, shipment, subject, contextOf(event, context));
      if (!change) return;
      // A later receipt of the same order in the run is judged against the shipment as this one left it.
      shipments.set(subject, { ...shipment!, ...change });
      changed.set(subject, shipments.get(subject)!);
    });
    await saveReceipts(context.manager, [...changed.values()]);
  }

  /** Publishes what the judged receipt leads to; returns what it changes of the shipment. */
  private async receive(event: CloudEvent, shipment: ShipmentRow | null, subject: string, { publish, timers, log }: HandlerContext): Promise<ShipmentChange | undefined> {
    const ref = orderRefOf(event)!;
    const about = { eventId: event.id, subject };
    const receiptHash = contentHashOf(event.data);
    const now = new Date();
    const judged = judgeGoodsReceived(shipment, event.data, receiptHash, subject, now, this.config.pickupLockout);
    const { change, delivered } = receiptOutcomeOf(shipment, judged, receiptHash, now);
    if (judged.kind === 'already-received') log.info(about, 'accepted receipt re-sent; nothing changes');
    if (judged.kind === 'refused') {
      if (judged.attempts?.lockedUntil) log.warn({ ...about, lockedUntil: judged.attempts.lockedUntil.toISOString() }, 'too many wrong pickup codes: the order takes no code until then');
      log.info({ ...about, reasonCode: judged.reasonCode }, 'goods-received refused');
      publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.requestRefused, subject, data: refusal(ref, event, judged, shipment?.clearanceModel ?? null), step: shipment?.step ?? 0 });
    }
    if (judged.kind === 'completed') {
      await timers.cancel(PICKUP_EXPIRY, subject);
      log.info({ ...about, method: judged.receipt.method }, 'goods received; clearance completed');
      publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.delivered, subject, step: change!.step, data: { ...ref, clearanceModel: shipment!.clearanceModel, notice: delivered! } satisfies DeliveredData });
    }
    return change;
  }
}
