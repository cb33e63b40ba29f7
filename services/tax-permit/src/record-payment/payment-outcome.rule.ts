// What a judged tax payment does to its order (payment.rule judges it): accepted, the order is
// TAX_PAID at the step after the assessment's and, where the model issues import permits,
// PERMIT_ISSUED at the step after that, so a later payment of the run meets it paid.
import { CLEARANCE_MODEL_RULES, OrderRef, PermitIssuedData, TAX_PERMIT_EVENTS, TaxPaidData, TaxSettledData, TOPICS } from '@cbec/contracts';
import { contentHashOf, toMoney } from '@cbec/domain';
import type { Decided, OutgoingEvent } from '@cbec/messaging';
import type { PaidOrder, TaxOrderRow } from '../persistence/tax-order-store';
import { judgePayment, PaymentJudgement } from './payment.rule';

/** A payment as judged against its order as it stood then; `state`: the order an accepted one leaves. */
export interface JudgedPayment extends Decided<TaxOrderRow> {
  order: TaxOrderRow | null;
  judgement: PaymentJudgement;
  paymentHash: string;
  issuesPermit: boolean;
}

export function judgedPaymentOf(order: TaxOrderRow | null, data: unknown): JudgedPayment {
  const paymentHash = contentHashOf(data);
  const judgement = judgePayment(order, data, paymentHash);
  if (judgement.kind !== 'accepted') return { order, judgement, paymentHash, issuesPermit: false };
  const issuesPermit = CLEARANCE_MODEL_RULES[order!.clearanceModel].issuesPermit;
  const { status, step } = paidStatusOf(order!, issuesPermit);
  return { order, judgement, paymentHash, issuesPermit, state: { ...order!, status, step, paymentHash, paymentReference: judgement.payment.paymentReference } };
}

/** What an accepted payment publishes (TAX_PAID, then PERMIT_ISSUED with `permitNumber`) and writes. */
export function paidOrderOf(ref: OrderRef, subject: string, order: TaxOrderRow, payment: TaxPaidData, paymentHash: string, permitNumber: string | null): Decided<PaidOrder> & { state: PaidOrder } {
  const { clearanceModel, declaration, assessmentId, total, assessment } = order;
  const step = order.step + 1;
  const paid: TaxSettledData = { ...ref, clearanceModel, declaration, assessmentId: assessmentId!, amount: toMoney(total!), withheld: false, paymentReference: payment.paymentReference, ...(assessment ? { assessment } : {}) };
  const publish: OutgoingEvent[] = [{ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxPaid, subject, data: paid, step }];
  if (permitNumber) {
    const permit: PermitIssuedData = { ...ref, clearanceModel, declaration, permitNumber, assessmentId: paid.assessmentId, amount: paid.amount, ...(paid.assessment ? { assessment: paid.assessment } : {}) };
    publish.push({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.permitIssued, subject, data: permit, step: step + 1 });
  }
  const { status, step: lastStep } = paidStatusOf(order, permitNumber !== null);
  return { state: { ...ref, status, step: lastStep, paymentHash, paymentReference: payment.paymentReference, permitNumber }, publish };
}

/** Where a payment leaves the order: TAX_PAID at the next step, or PERMIT_ISSUED a step later where a permit is issued. */
function paidStatusOf(order: Pick<TaxOrderRow, 'step'>, issuesPermit: boolean): { status: 'TAX_PAID' | 'PERMIT_ISSUED'; step: number } {
  return issuesPermit ? { status: 'PERMIT_ISSUED', step: order.step + 2 } : { status: 'TAX_PAID', step: order.step + 1 };
}
