// The goods of an accepted return are back (CONTRACT 7.3), judged by return-arrival.rule: the
// return completes with its refund and the quota it gives back; with the last unit of the order
// back, the order is RETURNED first, and the return's completion comes at the step of RETURNED,
// so right after it. Tax-permit takes the quota off the consumer's annual total when it hears of it.
import { Injectable } from '@nestjs/common';
import { LOGISTICS_EVENTS, orderKey, PLATFORM_EVENTS, refusal, ReturnCompletedData, TOPICS } from '@cbec/contracts';
import { contentHashOf } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { Shipment } from '../persistence/shipment.entity';
import { ShipmentReturn } from '../persistence/shipment-return.entity';
import { judgeReturnReceived } from './return-arrival.rule';

@Injectable()
export class CompleteReturnWhenReceivedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.returnReceived;

  async handle(event: CloudEvent, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const shipment = await manager.getRepository(Shipment).findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    const returns = shipment ? await manager.getRepository(ShipmentReturn).findBy(ref) : [];
    const contentHash = contentHashOf(event.data);
    const verdict = judgeReturnReceived(shipment, returns, event.data, contentHash, subject);
    if (verdict.kind === 'already-accepted') return log.info('return arrival re-sent; nothing changes');
    if (verdict.kind === 'refused') {
      log.info({ reasonCode: verdict.reasonCode }, 'return arrival refused');
      return publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.requestRefused, subject, data: refusal(ref, event, verdict, shipment?.clearanceModel ?? null), step: shipment?.step ?? 0 });
    }

    const { awaited: { returnId, items }, arrival, refund, quotaGivenBack, everyUnitBack } = verdict;
    await manager.getRepository(ShipmentReturn).update({ ...ref, returnId }, { status: 'COMPLETED', receiptHash: contentHash, receivedAt: new Date(arrival.receivedAt), refund, quotaGivenBack, completedAt: new Date() });
    log.info({ returnId, refund: refund.total, quotaGivenBack, everyUnitBack }, 'return completed');
    const completion = { topic: TOPICS.logisticsEvents, subject, data: { ...ref, clearanceModel: shipment!.clearanceModel, notice: { returnId, items, refund, quotaGivenBack } } satisfies ReturnCompletedData };
    if (!everyUnitBack) return publish({ ...completion, type: LOGISTICS_EVENTS.returnCompleted, step: shipment!.step });
    const step = shipment!.step + 1;
    await manager.getRepository(Shipment).update(ref, { status: 'RETURNED', step });
    publish({ ...completion, type: LOGISTICS_EVENTS.returned, step });
    publish({ ...completion, type: LOGISTICS_EVENTS.returnCompleted, step });
  }
}
