// A platform asks to return goods of a completed order (CONTRACT 7.3): judged in the contract's
// order (judgeReturnRequest); accepted, the return is remembered with where the goods go and by
// when, and return-accepted tells the platform. The status stays COMPLETED.
import { Inject, Injectable } from '@nestjs/common';
import { LOGISTICS_EVENTS, orderKey, PLATFORM_EVENTS, RequestRefusedData, ReturnAcceptedData, TOPICS } from '@cbec/contracts';
import { contentHashOf, judgeReturnRequest, ReturnableOrder } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { LOGISTICS_CONFIG, LogisticsConfig } from '../config';
import { Shipment } from '../persistence/shipment.entity';
import { ShipmentReturn } from '../persistence/shipment-return.entity';
import { returnAddressFor } from './return-address.rule';

@Injectable()
export class AcceptReturnWhenRequestedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.returnRequested;

  constructor(@Inject(LOGISTICS_CONFIG) private readonly config: LogisticsConfig) {}

  async handle(event: CloudEvent, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const shipment = await manager.getRepository(Shipment).findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    const returns = shipment ? await manager.getRepository(ShipmentReturn).find({ where: ref, order: { acceptedAt: 'ASC' } }) : [];
    const verdict = judgeReturnRequest(returnableOrderOf(shipment, returns), event.data, contentHashOf(event.data), new Date(), this.config.returnWindowMs);

    if (verdict.kind === 'already-accepted') return log.info('accepted return re-sent; nothing changes');
    if (verdict.kind === 'refused') {
      const { reasonCode, message, details } = verdict;
      const refusal: RequestRefusedData & { clearanceModel: Shipment['clearanceModel'] | null } = { ...ref, clearanceModel: shipment?.clearanceModel ?? null, refusedEventId: event.id, refusedType: event.type, reasonCode, message, ...(details ? { details } : {}) };
      log.info({ reasonCode }, 'return refused');
      return publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.requestRefused, subject, data: refusal, step: shipment?.step ?? 0 });
    }

    const { request, returnBy } = verdict;
    const returnTo = returnAddressFor(shipment!.declaration!);
    const items = request.items.map(({ sku, quantity }) => ({ sku, quantity }));
    await manager.getRepository(ShipmentReturn).insert({ ...ref, returnId: request.returnId, contentHash: contentHashOf(event.data), items, reason: request.reason, requestedAt: new Date(request.requestedAt), returnTo, returnBy: new Date(returnBy), status: 'ACCEPTED', acceptedAt: new Date() });
    const accepted: ReturnAcceptedData = { ...ref, clearanceModel: shipment!.clearanceModel, notice: { returnId: request.returnId, items, returnTo, returnBy } };
    publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.returnAccepted, subject, data: accepted, step: shipment!.step });
    log.info({ returnId: request.returnId, returnTo: returnTo.name }, 'return accepted');
  }
}

/** The order as the rule sees it; RELEASED (logistics' own) shows as the status the platform knows. */
function returnableOrderOf(shipment: Shipment | null, returns: ShipmentReturn[]): ReturnableOrder | null {
  if (!shipment) return null;
  const status = shipment.status === 'RELEASED' ? (shipment.permitNumber ? 'PERMIT_ISSUED' : 'TAX_PAID') : shipment.status;
  return {
    status,
    clearanceModel: shipment.clearanceModel,
    completedAt: shipment.completedAt,
    items: shipment.declaration?.items ?? [],
    returns: returns.map(({ returnId, contentHash, items }) => ({ returnId, contentHash, items })),
  };
}
