// Goods not picked up within the window (PICKUP_WINDOW_MS) end the clearance: REJECTED with
// PICKUP_EXPIRED. A receipt accepted first cancels the timer; one racing it finds it completed.
import { Injectable } from '@nestjs/common';
import { LOGISTICS_EVENTS, parseOrderKey, rejection, TOPICS } from '@cbec/contracts';
import { DueTimer, HandlerContext, TimerHandler } from '@cbec/messaging';
import { Shipment } from '../persistence/shipment.entity';

export const PICKUP_EXPIRY = 'logistics.pickup-expiry';

@Injectable()
export class ExpirePickupWhenWindowEndsTimer implements TimerHandler {
  readonly kind = PICKUP_EXPIRY;

  async fire(timer: DueTimer, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = parseOrderKey(timer.subject)!;
    const shipments = manager.getRepository(Shipment);
    const shipment = await shipments.findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    if (shipment?.status !== 'READY_FOR_PICKUP') return log.info({ status: shipment?.status }, 'pickup window ended after the goods left; nothing to do');

    const step = shipment.step + 1;
    await shipments.update(ref, { status: 'REJECTED', step });
    log.info({ location: shipment.location?.name }, 'pickup expired');
    const details = [{ message: `the goods were not picked up at ${shipment.location?.name} by ${shipment.availableUntil?.toISOString()}` }];
    publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.pickupExpired, subject: timer.subject, step, data: rejection(ref, shipment.clearanceModel, 'PICKUP_EXPIRED', details) });
  }
}
