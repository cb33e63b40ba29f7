// Hands released goods over as the model says (CLEARANCE_MODEL_RULES.handOver): dispatched, then
// out for delivery to the door, or ready for pickup at a location with a window and a code.
import { Inject, Injectable } from '@nestjs/common';
import {
  CLEARANCE_MODEL_RULES,
  DeclarationEventData,
  DispatchedData,
  LOGISTICS_EVENTS,
  orderKey,
  OutForDeliveryData,
  ReadyForPickupData,
  TOPICS,
} from '@cbec/contracts';
import { CloudEvent, HandlerContext } from '@cbec/messaging';
import { LOGISTICS_CONFIG, LogisticsConfig } from '../config';
import { PICKUP_EXPIRY } from '../expire-pickup/expire-pickup-when-window-ends.timer';
import { Shipment, ShipmentStatus } from '../persistence/shipment.entity';
import { newPickupCode, pickupLocationFor, pickupWindow } from './pickup.rule';

const BEFORE_HAND_OVER: readonly ShipmentStatus[] = ['DOCUMENTS_READY'];

@Injectable()
export class HandOverService {
  constructor(@Inject(LOGISTICS_CONFIG) private readonly config: LogisticsConfig) {}

  /** `release` is the event that let the goods go: tax paid (model I) or permit issued. */
  async start(release: CloudEvent<DeclarationEventData>, { manager, publish, timers, log }: HandlerContext, permitNumber?: string): Promise<void> {
    const { declaration, clearanceModel, platformId, orderId } = release.data;
    const ref = { platformId, orderId };
    const subject = orderKey(platformId, orderId);
    const shipments = manager.getRepository(Shipment);
    const existing = await shipments.findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    if (existing && !BEFORE_HAND_OVER.includes(existing.status)) return log.info({ status: existing.status }, 'goods already handed over; the release came again');

    const carrier = existing?.carrier ?? declaration.logistics.carrier;
    const waybillNumber = existing?.waybillNumber ?? declaration.logistics.waybillNumber;
    const step = (release.step ?? existing?.step ?? 0) + 1;
    const shipment = { ...ref, clearanceModel, carrier, waybillNumber, declarationNumber: declaration.declarationNumber, permitNumber: permitNumber ?? null, step: step + 1 };
    const event = { topic: TOPICS.logisticsEvents, subject };
    publish({ ...event, type: LOGISTICS_EVENTS.dispatched, step, data: { ...ref, clearanceModel, carrier, waybillNumber } satisfies DispatchedData });

    if (CLEARANCE_MODEL_RULES[clearanceModel].handOver === 'DELIVERY') {
      await shipments.save({ ...shipment, status: 'OUT_FOR_DELIVERY' });
      log.info('goods dispatched and out for delivery');
      return publish({ ...event, type: LOGISTICS_EVENTS.outForDelivery, step: step + 1, data: { ...ref, clearanceModel, notice: { carrier, waybillNumber } } satisfies OutForDeliveryData });
    }

    const location = pickupLocationFor(declaration);
    const { availableFrom, availableUntil } = pickupWindow(new Date(), this.config.pickupWindowMs);
    const pickupCode = newPickupCode();
    await shipments.save({ ...shipment, status: 'READY_FOR_PICKUP', location, availableFrom, availableUntil, pickupCode });
    await timers.schedule(PICKUP_EXPIRY, availableUntil, {}, subject);
    log.info({ location: location.name, availableUntil }, 'goods dispatched and ready for pickup');
    const notice = { location, availableFrom: availableFrom.toISOString(), availableUntil: availableUntil.toISOString(), pickupCode };
    publish({ ...event, type: LOGISTICS_EVENTS.readyForPickup, step: step + 1, data: { ...ref, clearanceModel, notice } satisfies ReadyForPickupData });
  }
}
