// How a platform's tax-paid is judged (CONTRACT 2.2, 4.3): a re-send of the accepted payment is
// ignored; then the order's state (is it waiting for payment?), then the content, then whether
// it pays this assessment and exactly its total.
import { FieldError, RefusalReason, TaxPaidData, validatePayload } from '@cbec/contracts';
import { Money } from '@cbec/domain';
import type { TaxOrderStatus } from '../persistence/tax-order.entity';

export interface PayableOrder {
  status: TaxOrderStatus;
  assessmentId: string | null;
  total: string | null;
  paymentHash: string | null;
}

export type PaymentJudgement =
  | { kind: 'already-accepted' }
  | { kind: 'refused'; reasonCode: RefusalReason; message: string; details?: FieldError[] }
  | { kind: 'accepted'; payment: TaxPaidData };

export function judgePayment(order: PayableOrder | null, data: unknown, contentHash: string): PaymentJudgement {
  if (order?.paymentHash === contentHash) return { kind: 'already-accepted' };
  if (!order) return refused('UNEXPECTED_EVENT', 'no tax has been assessed for this order');
  if (order.status !== 'TAX_ASSESSED') return refused('UNEXPECTED_EVENT', `the order is ${order.status} and not waiting for a tax payment`);
  const { value, errors } = validatePayload(TaxPaidData, data);
  if (!value) return refused('INVALID_REQUEST', 'the tax payment is invalid', errors);
  if (value.assessmentId !== order.assessmentId) {
    return refused('INVALID_REQUEST', 'the payment is for another assessment', [{ field: 'assessmentId', message: `assessmentId ${value.assessmentId} is not the assessment of this order` }]);
  }
  if (!new Money(value.amount).equals(order.total!)) {
    const message = `amount ${value.amount} does not equal the assessed total ${order.total}`;
    return refused('PAYMENT_AMOUNT_MISMATCH', message, [{ field: 'amount', message }]);
  }
  return { kind: 'accepted', payment: value };
}

function refused(reasonCode: RefusalReason, message: string, details?: FieldError[]): PaymentJudgement {
  return { kind: 'refused', reasonCode, message, ...(details ? { details } : {}) };
}
