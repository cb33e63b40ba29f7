// Hands released goods over as the model says (CLEARANCE_MODEL_RULES.handOver): dispatched, then
// out for delivery to the door, or ready for pickup at a location with a window and a code.
// Released goods first wait DISPATCH_DELAY_MS in the warehouse (RELEASED, a dispatch timer), where
// a cancellation still reaches them; with no delay they leave as the release is recorded. It
// changes shipments in memory; the caller saves them in its transaction.
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
import type { ShipmentStatus } from '../persistence/shipment.entity';
import { BLANK_SHIPMENT, ShipmentRow } from '../persistence/shipment-store';
import { newPickupCode, pickupLocationFor, pickupWindow } from './pickup.rule';

const BEFORE_HAND_OVER: readonly ShipmentStatus[] = ['DOCUMENTS_READY'];

/** The timer of goods waiting in the warehouse to leave. */
export const DISPATCH_TIMER = 'logistics.dispatch';

type HandOverContext = Pick<HandlerContext, 'publish' | 'timers' | 'log'>;

@Injectable()
export class HandOverService {
  constructor(@Inject(LOGISTICS_CONFIG) private readonly config: LogisticsConfig) {}

  /**
   * The shipment `release` makes of the goods (tax paid, model I, or permit issued), or nothing
   * if they were handed over already: released, or gone at once without a dispatch delay.
   */
  async start(release: CloudEvent<TaxSettledData | PermitIssuedData>, existing: ShipmentRow | null, context: HandOverContext, permitNumber?: string): Promise<ShipmentRow | undefined> {
    const { timers, log } = context;
    const { declaration, clearanceModel, platformId, orderId } = release.data;
    const about = { eventId: release.id, subject: orderKey(platformId, orderId) };
    if (existing && !BEFORE_HAND_OVER.includes(existing.status)) return void log.info({ ...about, status: existing.status }, 'goods already handed over; the release came again');
    const shipment: ShipmentRow = {
      ...BLANK_SHIPMENT,
      ...(existing ?? {}),
      platformId,
      orderId,
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
    };
    if (this.config.dispatchDelayMs === 0) return this.dispatch(shipment, context);
    await timers.schedule(DISPATCH_TIMER, new Date(Date.now() + this.config.dispatchDelayMs), {}, orderKey(platformId, orderId));
    log.info({ ...about, dispatchDelayMs: this.config.dispatchDelayMs }, 'goods released; picked in the warehouse before they leave');
    return shipment;
  }

  /** The goods leave: IN_TRANSIT, then out for delivery or ready for pickup, at the steps after the shipment's. */
  async dispatch(shipment: ShipmentRow, { publish, timers, log }: HandOverContext): Promise<ShipmentRow> {
    const { platformId, orderId, clearanceModel, carrier, waybillNumber } = shipment;
    const ref = { platformId, orderId };
    const subject = orderKey(platformId, orderId);
    const step = shipment.step + 1;
    const event = { topic: TOPICS.logisticsEvents, subject };
    publish({ ...event, type: LOGISTICS_EVENTS.dispatched, step, data: { ...ref, clearanceModel, carrier: carrier!, waybillNumber: waybillNumber! } satisfies DispatchedData });
    if (CLEARANCE_MODEL_RULES[clearanceModel].handOver === 'DELIVERY') {
      log.info({ subject }, 'goods dispatched and out for delivery');
      publish({ ...event, type: LOGISTICS_EVENTS.outForDelivery, step: step + 1, data: { ...ref, clearanceModel, notice: { carrier: carrier!, waybillNumber: waybillNumber! } } satisfies OutForDeliveryData });
      return { ...shipment, status: 'OUT_FOR_DELIVERY', step: step + 1 };
    }
    const location = pickupLocationFor(shipment.declaration!);
    const { availableFrom, availableUntil } = pickupWindow(new Date(), this.config.pickupWindowMs);
    const pickupCode = newPickupCode();
    await timers.schedule(PICKUP_EXPIRY, availableUntil, {}, subject);
    log.info({ subject, location: location.name, availableUntil }, 'goods dispatched and ready for pickup');
    const notice = { location, availableFrom: availableFrom.toISOString(), availableUntil: availableUntil.toISOString(), pickupCode };
    publish({ ...event, type: LOGISTICS_EVENTS.readyForPickup, step: step + 1, data: { ...ref, clearanceModel, notice } satisfies ReadyForPickupData });
    return { ...shipment, status: 'READY_FOR_PICKUP', step: step + 1, location, availableFrom, availableUntil, pickupCode };
  }
}
