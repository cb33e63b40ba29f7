// The assessment of an order declared to customs, kept to compare customs' CEB816 tax bill with
// (CONTRACT 8.4); a bill that came first is compared now.
import { Injectable } from '@nestjs/common';
import { TAX_PERMIT_EVENTS, TaxAssessedData } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { lockCustomsOrder, saveCustomsOrder } from '../persistence/customs-orders';
import { TaxBills } from './tax-bills';

@Injectable()
export class RecordAssessmentWhenAssessedHandler implements EventHandler<TaxAssessedData> {
  readonly eventType = TAX_PERMIT_EVENTS.taxAssessed;

  constructor(private readonly taxBills: TaxBills) {}

  async handle(event: CloudEvent<TaxAssessedData>, { manager, log }: HandlerContext): Promise<void> {
    const order = await lockCustomsOrder(manager, orderRefOf(event)!);
    if (!order) return;
    const { duty, consumptionTax, vat } = event.data.notice.totals;
    order.assessment = { duty, consumptionTax, vat };
    // The clearance view compares the bill with the assessment itself; ops' list is made here.
    if (order.taxBill) this.taxBills.compare(order, log);
    await saveCustomsOrder(manager, order);
  }
}
