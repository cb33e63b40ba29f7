// What cancelling released goods refunds (CONTRACT 7.2): they were paid for (models II, III) or
// their tax withheld (model I), so the refund is the whole total; without a recorded payment, none.
import type { CancellationNotice } from '@cbec/contracts';
import { toMoney } from '@cbec/domain';

export function cancellationRefundOf(shipment: { assessmentId: string | null; taxAmount: string | null }): CancellationNotice['refund'] {
  return shipment.assessmentId && shipment.taxAmount !== null ? { assessmentId: shipment.assessmentId, amount: toMoney(shipment.taxAmount) } : undefined;
}
