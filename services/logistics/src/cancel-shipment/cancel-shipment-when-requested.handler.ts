// A cancellation that reached logistics (passed on by tax-permit after the release, or by the
// declaration while logistics prepares the documents of model I): released goods still in the
// warehouse are CANCELLED here, in the same transaction the dispatch timer would take them out,
// so exactly one of the two wins; the tax paid or withheld is refunded whole. Tax-permit gives
// the quota back when it hears of it.
import { Injectable } from '@nestjs/common';
import { CancellationForwardedData, DECLARATION_EVENTS, orderKey, OrderRef, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { AcceptedCancellation, CancellationHolder, decideForwardedCancellation, publishCancelled, Standing } from '@cbec/cancellation';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import type { EntityManager } from 'typeorm';
import { DISPATCH_TIMER } from '../hand-over/hand-over.service';
import { Shipment } from '../persistence/shipment.entity';
import { cancellationRefundOf } from './cancellation-refund.rule';
import { shipmentCustodyOf } from './shipment-custody.rule';

@Injectable()
export class CancelShipmentWhenRequestedHandler implements EventHandler<CancellationForwardedData>, CancellationHolder {
  /** From tax-permit (after the release) and from the declaration (documents of model I). */
  readonly eventType = [TAX_PERMIT_EVENTS.cancellationForwarded, DECLARATION_EVENTS.cancellationForwarded] as const;
  readonly service = 'logistics';

  handle(event: CloudEvent<CancellationForwardedData>, context: HandlerContext): Promise<void> {
    return decideForwardedCancellation(this, event, context);
  }

  async standing(manager: EntityManager, ref: OrderRef): Promise<Standing> {
    const shipment = await manager.getRepository(Shipment).findOne({ where: { platformId: ref.platformId, orderId: ref.orderId }, lock: { mode: 'pessimistic_write' } });
    if (!shipment) throw new Error(`a cancellation reached logistics before order ${ref.platformId}/${ref.orderId} did`);
    return { custody: shipmentCustodyOf(shipment.status), acceptedHash: shipment.cancellationHash, clearanceModel: shipment.clearanceModel, step: shipment.step };
  }

  async cancel(accepted: AcceptedCancellation, context: HandlerContext): Promise<void> {
    const ref = { platformId: accepted.request.platformId, orderId: accepted.request.orderId };
    const shipments = context.manager.getRepository(Shipment);
    const shipment = await shipments.findOneByOrFail(ref);
    await context.timers.cancel(DISPATCH_TIMER, orderKey(ref.platformId, ref.orderId));
    await shipments.update(ref, { status: 'CANCELLED', step: accepted.standing.step + 1, cancellationHash: accepted.contentHash });
    publishCancelled(this, ref, accepted, cancellationRefundOf(shipment), context);
  }
}
