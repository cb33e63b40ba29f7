import { assessmentCustodyOf } from './assessment-custody.rule';

describe('assessmentCustodyOf', () => {
  it('holds an order whose tax awaits payment', () => {
    expect(assessmentCustodyOf({ status: 'TAX_ASSESSED', reasonCode: null })).toEqual({ kind: 'HOLDING' });
  });

  it.each(['TAX_PAID', 'PERMIT_ISSUED'] as const)('passes a cancellation of an order %s on to logistics', (status) => {
    expect(assessmentCustodyOf({ status, reasonCode: null })).toEqual({ kind: 'HANDED_ON', to: 'logistics' });
  });

  it('ends it for an order it rejected (limits, unpaid tax) or cancelled', () => {
    expect(assessmentCustodyOf({ status: 'REJECTED', reasonCode: 'TAX_UNPAID_TIMEOUT' })).toEqual({ kind: 'ENDED', because: 'REJECTED' });
    expect(assessmentCustodyOf({ status: 'REJECTED', reasonCode: 'ANNUAL_LIMIT_EXCEEDED' })).toEqual({ kind: 'ENDED', because: 'REJECTED' });
    expect(assessmentCustodyOf({ status: 'CANCELLED', reasonCode: null })).toEqual({ kind: 'ENDED', because: 'CANCELLED' });
  });

  it('leaves an expired pickup to logistics, which rejected it', () => {
    expect(assessmentCustodyOf({ status: 'REJECTED', reasonCode: 'PICKUP_EXPIRED' })).toEqual({ kind: 'HANDED_ON', to: 'logistics' });
  });
});
