// How customs review stands to an order when a cancellation comes (CONTRACT 7.2): it holds the
// order through quarantine, a proof request and a hold for manual review; approved, the order is
// with tax-permit; rejected or cancelled here, it ends here.
import type { Custody } from '@cbec/domain';
import type { InspectionStatus } from '../persistence/inspection.entity';

export function reviewCustodyOf(status: InspectionStatus): Custody {
  switch (status) {
    case 'APPROVED':
      return { kind: 'HANDED_ON', to: 'tax-permit' };
    case 'REJECTED':
      return { kind: 'ENDED', because: 'REJECTED' };
    case 'CANCELLED':
      return { kind: 'ENDED', because: 'CANCELLED' };
    default:
      // QUARANTINE_INSPECTION, PROOF_REQUESTED, HELD_FOR_REVIEW: review emits the next status.
      return { kind: 'HOLDING' };
  }
}
