import { ClearanceModel, Declaration, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { contentHashOf } from '@cbec/domain';
import { aTaxAssessmentNotice } from '@cbec/testing';
import type { TaxOrderRow } from '../persistence/tax-order-store';
import { judgedPaymentOf, paidOrderOf } from './payment-outcome.rule';

const ref = { platformId: 'tmall-global', orderId: 'TG1' };
const payment = { ...ref, assessmentId: 'TA-1', amount: '96.39', paymentReference: 'TAXPAY-1', paidAt: '2026-11-11T10:00:00+08:00' };
const assessed = (clearanceModel: ClearanceModel, change: Partial<TaxOrderRow> = {}): TaxOrderRow => ({
  ...ref,
  clearanceModel,
  status: 'TAX_ASSESSED',
  reasonCode: null,
  step: 6,
  declaration: { ...ref } as Declaration,
  assessmentId: 'TA-1',
  assessment: aTaxAssessmentNotice(),
  total: '96.39',
  dueBy: null,
  paymentHash: null,
  paymentReference: null,
  permitNumber: null,
  cancellationHash: null,
  ...change,
});

describe('judgedPaymentOf', () => {
  it.each([
    ['a model that issues permits: PERMIT_ISSUED two steps on', 'BONDED_ZONE', true, 'PERMIT_ISSUED', 8],
    ['a model without permits: TAX_PAID at the next step', 'DIRECT_MAIL', false, 'TAX_PAID', 7],
  ] as const)('leaves an accepted payment of %s', (_, model, issuesPermit, status, step) => {
    const judged = judgedPaymentOf(assessed(model), payment);
    expect(judged).toMatchObject({ judgement: { kind: 'accepted' }, issuesPermit, paymentHash: contentHashOf(payment) });
    expect(judged.state).toMatchObject({ status, step, paymentHash: contentHashOf(payment), paymentReference: 'TAXPAY-1' });
  });

  it('changes nothing for a refused payment', () => {
    const judged = judgedPaymentOf(assessed('BONDED_ZONE'), { ...payment, amount: '1.00' });
    expect(judged).toMatchObject({ judgement: { kind: 'refused', reasonCode: 'PAYMENT_AMOUNT_MISMATCH' }, issuesPermit: false });
    expect(judged.state).toBeUndefined();
  });
});

describe('paidOrderOf', () => {
  it('publishes TAX_PAID, then PERMIT_ISSUED with the permit number at the step after it', () => {
    const paid = paidOrderOf(ref, 'tmall-global/TG1', assessed('BONDED_ZONE'), payment, 'h1', 'IP-1');
    expect(paid.publish!.map(({ type, step }) => [type, step])).toEqual([
      [TAX_PERMIT_EVENTS.taxPaid, 7],
      [TAX_PERMIT_EVENTS.permitIssued, 8],
    ]);
    expect(paid.publish![0].data).toMatchObject({ assessmentId: 'TA-1', amount: '96.39', withheld: false, paymentReference: 'TAXPAY-1' });
    expect(paid.publish![1].data).toMatchObject({ permitNumber: 'IP-1', assessmentId: 'TA-1', amount: '96.39' });
    expect(paid.state).toEqual({ ...ref, status: 'PERMIT_ISSUED', step: 8, paymentHash: 'h1', paymentReference: 'TAXPAY-1', permitNumber: 'IP-1' });
  });

  it('publishes TAX_PAID alone without a permit number', () => {
    const paid = paidOrderOf(ref, 'tmall-global/TG1', assessed('DIRECT_MAIL'), payment, 'h1', null);
    expect(paid.publish!.map(({ type }) => type)).toEqual([TAX_PERMIT_EVENTS.taxPaid]);
    expect(paid.state).toMatchObject({ status: 'TAX_PAID', step: 7, permitNumber: null });
  });
});
