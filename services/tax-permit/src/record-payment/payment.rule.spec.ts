import { contentHashOf } from '@cbec/domain';
import { judgePayment, PayableOrder } from './payment.rule';

const payment = (change: Record<string, unknown> = {}) => ({
  platformId: 'tmall-global',
  orderId: 'TG1',
  assessmentId: 'TA-1',
  amount: '96.39',
  paymentReference: 'TAXPAY-1',
  paidAt: '2026-11-11T10:00:00+08:00',
  ...change,
});
const assessed = (change: Partial<PayableOrder> = {}): PayableOrder => ({ status: 'TAX_ASSESSED', assessmentId: 'TA-1', total: '96.39', paymentHash: null, ...change });
const judge = (order: PayableOrder | null, data: Record<string, unknown>) => judgePayment(order, data, contentHashOf(data));

describe('judgePayment', () => {
  it('accepts the assessed total for the assessment', () => {
    expect(judge(assessed(), payment())).toEqual({ kind: 'accepted', payment: expect.objectContaining(payment()) });
  });

  it('compares amounts as decimals: "96.4" pays 96.40', () => {
    expect(judge(assessed({ total: '96.40' }), payment({ amount: '96.4' })).kind).toBe('accepted');
  });

  it.each([
    ['no order known', null, payment(), 'UNEXPECTED_EVENT', undefined],
    ['a rejected order', assessed({ status: 'REJECTED' }), payment(), 'UNEXPECTED_EVENT', undefined],
    ['an order paid already (another payment)', assessed({ status: 'PERMIT_ISSUED', paymentHash: 'other' }), payment(), 'UNEXPECTED_EVENT', undefined],
    ['an order whose tax the platform withheld', assessed({ status: 'TAX_PAID' }), payment(), 'UNEXPECTED_EVENT', undefined],
    ['the state before the content: invalid data for a rejected order', assessed({ status: 'REJECTED' }), payment({ amount: 96.39 }), 'UNEXPECTED_EVENT', undefined],
    ['money as a JSON number', assessed(), payment({ amount: 96.39 }), 'INVALID_REQUEST', ['amount']],
    ['a missing payment reference and a bad date', assessed(), payment({ paymentReference: undefined, paidAt: 'today' }), 'INVALID_REQUEST', ['paymentReference', 'paidAt']],
    ['another assessment', assessed(), payment({ assessmentId: 'TA-2' }), 'INVALID_REQUEST', ['assessmentId']],
    ['another assessment before a wrong amount', assessed(), payment({ assessmentId: 'TA-2', amount: '1.00' }), 'INVALID_REQUEST', ['assessmentId']],
    ['a cent short', assessed(), payment({ amount: '96.38' }), 'PAYMENT_AMOUNT_MISMATCH', ['amount']],
    ['a cent over', assessed(), payment({ amount: '96.40' }), 'PAYMENT_AMOUNT_MISMATCH', ['amount']],
  ])('refuses a payment for %s', (_, order, data, reasonCode, fields) => {
    const judgement = judge(order, data);
    expect(judgement).toMatchObject({ kind: 'refused', reasonCode });
    if (judgement.kind === 'refused') expect(judgement.details && [...new Set(judgement.details.map((detail) => detail.field))]).toEqual(fields);
  });

  it('ignores an identical re-send of the accepted payment, whatever the order is now', () => {
    const data = payment();
    expect(judge(assessed({ status: 'PERMIT_ISSUED', paymentHash: contentHashOf(data) }), { ...data })).toEqual({ kind: 'already-accepted' });
    expect(judge(assessed({ status: 'REJECTED', paymentHash: contentHashOf(data) }), data)).toEqual({ kind: 'already-accepted' });
  });

  it('hashes content regardless of key order', () => {
    const { platformId, ...rest } = payment();
    expect(contentHashOf({ ...rest, platformId })).toBe(contentHashOf(payment()));
    expect(contentHashOf(payment({ paymentReference: 'TAXPAY-2' }))).not.toBe(contentHashOf(payment()));
  });
});
