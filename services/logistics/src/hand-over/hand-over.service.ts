// Hands released goods over as the model says (CLEARANCE_MODEL_RULES.handOver): dispatched, then
// out for delivery to the door, or ready for pickup at a location with a window and a code.
// Released goods first wait DISPATCH_DELAY_MS in the warehouse (RELEASED, a dispatch timer), where
// a cancellation still reaches them; with no delay they leave as the release is recorded.
import { Inject, Injectable } from '@nestjs/common';
import {
  CLEARANCE_MODEL_RULES,
  DispatchedData,
  LOGISTICS_EVENTS,
  orderKey,
  OutForDeliveryData,
  PermitIssuedData,
  ReadyForPickupData,
  TaxSettledData,
  TOPICS,
} from '@cbec/contracts';
import { CloudEvent, HandlerContext } from '@cbec/messaging';
import { LOGISTICS_CONFIG, LogisticsConfig } from '../config';
import { PICKUP_EXPIRY } from '../expire-pickup/expire-pickup-when-window-ends.timer';
import { Shipment, ShipmentStatus } from '../persistence/shipment.entity';
import { newPickupCode, pickupLocationFor, pickupWindow } from './pickup.rule';

const BEFORE_HAND_OVER: readonly ShipmentStatus[] = ['DOCUMENTS_READY'];

/** The timer of goods waiting in the warehouse to leave. */
export const DISPATCH_TIMER = 'logistics.dispatch';

@Injectable()
export class HandOverService {
  constructor(@Inject(LOGISTICS_CONFIG) private readonly config: LogisticsConfig) {}

  /** `release` is the event that let the goods go: tax paid (model I) or permit issued. */
  async start(release: CloudEvent<TaxSettledData | PermitIssuedData>, context: HandlerContext, permitNumber?: string): Promise<void> {
    const { manager, timers, log } = context;
    const { declaration, clearanceModel, platformId, orderId } = release.data;
    const ref = { platformId, orderId };
    const shipments = manager.getRepository(Shipment);
    const existing = await shipments.findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    if (existing && !BEFORE_HAND_OVER.includes(existing.status)) return log.info({ status: existing.status }, 'goods already handed over; the release came again');

    const shipment = shipments.create({
      ...(existing ?? {}),
      ...ref,
      clearanceModel,
      carrier: existing?.carrier ?? declaration.logistics.carrier,
      waybillNumber: existing?.waybillNumber ?? declaration.logistics.waybillNumber,
      declarationNumber: declaration.declarationNumber,
      permitNumber: permitNumber ?? null,
      declaration,
      assessmentId: release.data.assessmentId ?? null,
      taxAmount: release.data.amount ?? null,
      assessment: release.data.assessment ?? null,
      status: 'RELEASED',
      step: release.step ?? existing?.step ?? 0,
    });
    if (this.config.dispatchDelayMs === 0) return this.dispatch(shipment, context);
    await shipments.save(shipment);
    await timers.schedule(DISPATCH_TIMER, new Date(Date.now() + this.config.dispatchDelayMs), {}, orderKey(platformId, orderId));
    log.info({ dispatchDelayMs: this.config.dispatchDelayMs }, 'goods released; picked in the warehouse before they leave');
  }

  /** The goods leave: IN_TRANSIT, then out for delivery or ready for pickup, at the steps after the shipment's. */
  async dispatch(shipment: Shipment, { manager, publish, timers, log }: HandlerContext): Promise<void> {
    const { platformId, orderId, clearanceModel, carrier, waybillNumber } = shipment;
    const ref = { platformId, orderId };
    const subject = orderKey(platformId, orderId);
    const step = shipment.step + 1;
    const shipments = manager.getRepository(Shipment);
    const event = { topic: TOPICS.logisticsEvents, subject };
    publish({ ...event, type: LOGISTICS_EVENTS.dispatched, step, data: { ...ref, clearanceModel, carrier: carrier!, waybillNumber: waybillNumber! } satisfies DispatchedData });

    if (CLEARANCE_MODEL_RULES[clearanceModel].handOver === 'DELIVERY') {
      await shipments.save({ ...shipment, status: 'OUT_FOR_DELIVERY', step: step + 1 });
      log.info('goods dispatched and out for delivery');
      return publish({ ...event, type: LOGISTICS_EVENTS.outForDelivery, step: step + 1, data: { ...ref, clearanceModel, notice: { carrier: carrier!, waybillNumber: waybillNumber! } } satisfies OutForDeliveryData });
    }

    const location = pickupLocationFor(shipment.declaration!);
    const { availableFrom, availableUntil } = pickupWindow(new Date(), this.config.pickupWindowMs);
    const pickupCode = newPickupCode();
    await shipments.save({ ...shipment, status: 'READY_FOR_PICKUP', step: step + 1, location, availableFrom, availableUntil, pickupCode });
    await timers.schedule(PICKUP_EXPIRY, availableUntil, {}, subject);
    log.info({ location: location.name, availableUntil }, 'goods dispatched and ready for pickup');
    const notice = { location, availableFrom: availableFrom.toISOString(), availableUntil: availableUntil.toISOString(), pickupCode };
    publish({ ...event, type: LOGISTICS_EVENTS.readyForPickup, step: step + 1, data: { ...ref, clearanceModel, notice } satisfies ReadyForPickupData });
  }
}
