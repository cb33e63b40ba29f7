import { reviewCustodyOf } from './review-custody.rule';

describe('reviewCustodyOf', () => {
  it.each(['QUARANTINE_INSPECTION', 'PROOF_REQUESTED', 'HELD_FOR_REVIEW'] as const)('holds an order in %s', (status) => {
    expect(reviewCustodyOf(status)).toEqual({ kind: 'HOLDING' });
  });

  it('passes a cancellation of an approved order on to tax-permit', () => {
    expect(reviewCustodyOf('APPROVED')).toEqual({ kind: 'HANDED_ON', to: 'tax-permit' });
  });

  it('ends it for an order it rejected or cancelled', () => {
    expect(reviewCustodyOf('REJECTED')).toEqual({ kind: 'ENDED', because: 'REJECTED' });
    expect(reviewCustodyOf('CANCELLED')).toEqual({ kind: 'ENDED', because: 'CANCELLED' });
  });
});
