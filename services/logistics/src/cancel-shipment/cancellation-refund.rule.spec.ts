import { cancellationRefundOf } from './cancellation-refund.rule';

describe('cancellationRefundOf', () => {
  it.each([
    ['the whole total of a paid assessment', { assessmentId: 'TA-1', taxAmount: '96.39' }, { assessmentId: 'TA-1', amount: '96.39' }],
    ['the total to the cent, as stored in numeric', { assessmentId: 'TA-2', taxAmount: '96.4' }, { assessmentId: 'TA-2', amount: '96.40' }],
    ['a zero total of a withheld assessment', { assessmentId: 'TA-3', taxAmount: '0' }, { assessmentId: 'TA-3', amount: '0.00' }],
    ['nothing without an assessment', { assessmentId: null, taxAmount: '96.39' }, undefined],
    ['nothing without an amount', { assessmentId: 'TA-4', taxAmount: null }, undefined],
  ])('refunds %s', (_, shipment, refund) => {
    expect(cancellationRefundOf(shipment)).toEqual(refund);
  });
});
