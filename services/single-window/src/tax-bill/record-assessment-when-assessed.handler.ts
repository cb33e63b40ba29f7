// The assessment of an order declared to customs, kept to compare customs' CEB816 tax bill with
// (CONTRACT 8.4); a bill that came first is compared now, and the comparison published.
import { Injectable } from '@nestjs/common';
import { SINGLE_WINDOW_EVENTS, TAX_PERMIT_EVENTS, TaxAssessedData, TaxBillComparedData, TOPICS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { lockCustomsOrder, saveCustomsOrder } from '../persistence/customs-orders';
import { TaxBills } from './tax-bills';

@Injectable()
export class RecordAssessmentWhenAssessedHandler implements EventHandler<TaxAssessedData> {
  readonly eventType = TAX_PERMIT_EVENTS.taxAssessed;

  constructor(private readonly taxBills: TaxBills) {}

  async handle(event: CloudEvent<TaxAssessedData>, { manager, log, publish }: HandlerContext): Promise<void> {
    const order = await lockCustomsOrder(manager, orderRefOf(event)!);
    if (!order) return;
    const { duty, consumptionTax, vat } = event.data.notice.totals;
    order.assessment = { duty, consumptionTax, vat };
    if (order.taxBill) {
      this.taxBills.compare(order, log);
      const { platformId, orderId, clearanceModel, taxBill } = order;
      publish<TaxBillComparedData>({ topic: TOPICS.singleWindowEvents, type: SINGLE_WINDOW_EVENTS.taxBillCompared, data: { platformId, orderId, clearanceModel, taxBill } });
    }
    await saveCustomsOrder(manager, order);
  }
}
