// Compares an order's CEB816 tax bill with its assessment, counting and logging a difference for
// ops (CONTRACT 8.4); the ops page lists the orders whose bill differs.
import { Injectable } from '@nestjs/common';
import type { Logger } from '@cbec/messaging';
import { taxBillDifferences } from '../metrics';
import type { CustomsOrder } from '../persistence/customs-order.entity';
import { taxBillMatchesAssessment } from '@cbec/domain';

@Injectable()
export class TaxBills {
  compare(order: CustomsOrder, log: Pick<Logger, 'warn' | 'info'>): void {
    if (!order.taxBill) return;
    const matches = order.assessment ? taxBillMatchesAssessment(order.taxBill, order.assessment) : null;
    order.taxBill = { ...order.taxBill, matchesAssessment: matches };
    if (matches === false) {
      taxBillDifferences.inc();
      log.warn({ taxNo: order.taxBill.taxNo, bill: order.taxBill, assessment: order.assessment }, 'customs\' tax bill differs from the assessment');
    } else if (matches) log.info({ taxNo: order.taxBill.taxNo }, 'customs\' tax bill matches the assessment');
  }
}
