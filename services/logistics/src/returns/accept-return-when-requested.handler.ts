// A platform asks to return goods of a completed order (CONTRACT 7.3), judged by
// return-request.rule; accepted, the return is remembered with where the goods go and by when,
// and return-accepted tells the platform. The status stays COMPLETED.
import { Inject, Injectable } from '@nestjs/common';
import { LOGISTICS_EVENTS, orderKey, PLATFORM_EVENTS, refusal, ReturnAcceptedData, TOPICS } from '@cbec/contracts';
import { contentHashOf } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { LOGISTICS_CONFIG, LogisticsConfig } from '../config';
import { Shipment } from '../persistence/shipment.entity';
import { ShipmentReturn } from '../persistence/shipment-return.entity';
import { judgeReturnRequested } from './return-request.rule';

@Injectable()
export class AcceptReturnWhenRequestedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.returnRequested;

  constructor(@Inject(LOGISTICS_CONFIG) private readonly config: LogisticsConfig) {}

  async handle(event: CloudEvent, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const shipment = await manager.getRepository(Shipment).findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    const returns = shipment ? await manager.getRepository(ShipmentReturn).find({ where: ref, order: { acceptedAt: 'ASC' } }) : [];
    const contentHash = contentHashOf(event.data);
    const verdict = judgeReturnRequested(shipment, returns, event.data, contentHash, new Date(), this.config.returnWindowMs);
    if (verdict.kind === 'already-accepted') return log.info('accepted return re-sent; nothing changes');
    if (verdict.kind === 'refused') {
      log.info({ reasonCode: verdict.reasonCode }, 'return refused');
      return publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.requestRefused, subject, data: refusal(ref, event, verdict, shipment?.clearanceModel ?? null), step: shipment?.step ?? 0 });
    }

    const { request, items, returnTo, returnBy } = verdict;
    await manager.getRepository(ShipmentReturn).insert({ ...ref, returnId: request.returnId, contentHash, items, reason: request.reason, requestedAt: new Date(request.requestedAt), returnTo, returnBy: new Date(returnBy), status: 'ACCEPTED', acceptedAt: new Date() });
    const accepted: ReturnAcceptedData = { ...ref, clearanceModel: shipment!.clearanceModel, notice: { returnId: request.returnId, items, returnTo, returnBy }, reason: request.reason };
    publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.returnAccepted, subject, data: accepted, step: shipment!.step });
    log.info({ returnId: request.returnId, returnTo: returnTo.name }, 'return accepted');
  }
}
