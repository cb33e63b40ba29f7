// The platform says the consignee has the goods (CONTRACT 2.2), judged by goods-received.rule;
// accepted, the clearance is completed. A wrong pickup code is counted under the shipment's row
// lock, so codes tried at once all count. A run of receipts is taken together: one locking read,
// one update, each receipt judged against the shipment as the ones before it left it.
import { contentHashOf } from '@cbec/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DeliveredData, LOGISTICS_EVENTS, PLATFORM_EVENTS, refusal, TOPICS } from '@cbec/contracts';
import { BatchContext, CloudEvent, Decided, decideInTurn, EventHandler, EventInTurn, ordersOf } from '@cbec/messaging';
import { LOGISTICS_CONFIG, LogisticsConfig } from '../config';
import { PICKUP_EXPIRY } from '../expire-pickup/expire-pickup-when-window-ends.timer';
import { lockShipments, saveReceipts, ShipmentRow } from '../persistence/shipment-store';
import { judgeGoodsReceived, receiptOutcomeOf } from './goods-received.rule';

@Injectable()
export class ConfirmReceiptWhenGoodsReceivedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.goodsReceived;

  constructor(@Inject(LOGISTICS_CONFIG) private readonly config: LogisticsConfig) {}

  async handleAll(events: CloudEvent[], context: BatchContext): Promise<void> {
    const shipments = await lockShipments(context.manager, ordersOf(events));
    const changed = await decideInTurn(events, shipments, context, (event, shipment, inTurn) => this.receive(event, shipment ?? null, inTurn));
    await saveReceipts(context.manager, changed);
  }

  /** The shipment as the judged receipt leaves it, and what it leads to. */
  private async receive(event: CloudEvent, shipment: ShipmentRow | null, { ref, subject, timers, log }: EventInTurn): Promise<Decided<ShipmentRow> | void> {
    const about = { eventId: event.id, subject };
    const receiptHash = contentHashOf(event.data);
    const now = new Date();
    const judged = judgeGoodsReceived(shipment, event.data, receiptHash, subject, now, this.config.pickupLockout);
    const { change, delivered } = receiptOutcomeOf(shipment, judged, receiptHash, now);
    const state = change && { ...shipment!, ...change };
    if (judged.kind === 'already-received') return void log.info(about, 'accepted receipt re-sent; nothing changes');
    if (judged.kind === 'refused') {
      if (judged.attempts?.lockedUntil) log.warn({ ...about, lockedUntil: judged.attempts.lockedUntil.toISOString() }, 'too many wrong pickup codes: the order takes no code until then');
      log.info({ ...about, reasonCode: judged.reasonCode }, 'goods-received refused');
      return { state, publish: [{ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.requestRefused, subject, data: refusal(ref, event, judged, shipment?.clearanceModel ?? null), step: shipment?.step ?? 0 }] };
    }
    await timers.cancel(PICKUP_EXPIRY, subject);
    log.info({ ...about, method: judged.receipt.method }, 'goods received; clearance completed');
    const data: DeliveredData = { ...ref, clearanceModel: shipment!.clearanceModel, notice: delivered! };
    return { state, publish: [{ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.delivered, subject, step: change!.step, data }] };
  }
}
