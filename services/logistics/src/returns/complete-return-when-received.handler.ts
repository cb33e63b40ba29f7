// The goods of an accepted return are back (CONTRACT 7.3): the return completes with the refund
// of each returned line and the quota it gives back (libs/domain giveBackOfReturn, adding up over
// partial returns); with the last unit of the order back, the order is RETURNED first, and the
// return's completion comes at the step of RETURNED, so right after it.
// Tax-permit takes the quota off the consumer's annual total when it hears of it.
import { Injectable } from '@nestjs/common';
import { LOGISTICS_EVENTS, orderKey, PLATFORM_EVENTS, RequestRefusedData, ReturnCompletedData, TOPICS } from '@cbec/contracts';
import { contentHashOf, giveBackOfReturn, isEveryUnitBack, judgeReturnArrival, returnableLinesOf } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { Shipment } from '../persistence/shipment.entity';
import { ShipmentReturn } from '../persistence/shipment-return.entity';

@Injectable()
export class CompleteReturnWhenReceivedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.returnReceived;

  async handle(event: CloudEvent, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const shipment = await manager.getRepository(Shipment).findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    const returns = shipment ? await manager.getRepository(ShipmentReturn).findBy(ref) : [];
    const returnId = (event.data as { returnId?: unknown })?.returnId;
    const awaited = returns.find((candidate) => candidate.returnId === returnId) ?? null;
    const verdict = judgeReturnArrival(awaited, event.data, contentHashOf(event.data));

    if (verdict.kind === 'already-accepted') return log.info('return arrival re-sent; nothing changes');
    if (verdict.kind === 'refused') {
      const { reasonCode, message, details } = verdict;
      const refusal: RequestRefusedData & { clearanceModel: Shipment['clearanceModel'] | null } = { ...ref, clearanceModel: shipment?.clearanceModel ?? null, refusedEventId: event.id, refusedType: event.type, reasonCode, message, ...(details ? { details } : {}) };
      log.info({ reasonCode }, 'return arrival refused');
      return publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.requestRefused, subject, data: refusal, step: shipment?.step ?? 0 });
    }

    const { declaration, assessment } = shipment!;
    if (!declaration || !assessment) throw new Error(`order ${subject} was handed over without its declaration or assessment: its return cannot be refunded`);
    const lines = returnableLinesOf(declaration.items, assessment.lines);
    const backBefore = unitsBack(returns.filter((earlier) => earlier.status === 'COMPLETED'));
    const given = giveBackOfReturn(lines, backBefore, awaited!.items);
    await manager.getRepository(ShipmentReturn).update({ ...ref, returnId: awaited!.returnId }, {
      status: 'COMPLETED',
      receiptHash: contentHashOf(event.data),
      receivedAt: new Date(verdict.arrival.receivedAt),
      refund: given.refund,
      quotaGivenBack: given.quotaGivenBack,
      completedAt: new Date(),
    });

    const data: ReturnCompletedData = { ...ref, clearanceModel: shipment!.clearanceModel, notice: { returnId: awaited!.returnId, items: awaited!.items, refund: given.refund, quotaGivenBack: given.quotaGivenBack } };
    const everyUnitBack = isEveryUnitBack(lines, unitsBack([...returns.filter((earlier) => earlier.status === 'COMPLETED'), awaited!]));
    log.info({ returnId: awaited!.returnId, refund: given.refund.total, quotaGivenBack: given.quotaGivenBack, everyUnitBack }, 'return completed');
    const completion = { topic: TOPICS.logisticsEvents, subject, data };
    if (!everyUnitBack) return publish({ ...completion, type: LOGISTICS_EVENTS.returnCompleted, step: shipment!.step });
    const step = shipment!.step + 1;
    await manager.getRepository(Shipment).update(ref, { status: 'RETURNED', step });
    publish({ ...completion, type: LOGISTICS_EVENTS.returned, step });
    publish({ ...completion, type: LOGISTICS_EVENTS.returnCompleted, step });
  }
}

/** Per sku, the units the given returns brought back. */
function unitsBack(returns: readonly Pick<ShipmentReturn, 'items'>[]): Record<string, number> {
  const back: Record<string, number> = {};
  for (const { sku, quantity } of returns.flatMap((completed) => completed.items)) back[sku] = (back[sku] ?? 0) + quantity;
  return back;
}
