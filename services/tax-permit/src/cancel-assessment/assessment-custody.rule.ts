// How tax-permit stands to an order when a cancellation comes (CONTRACT 7.2): it holds an order
// whose assessed tax awaits payment; paid (or withheld), the goods are logistics' to release; an
// order it rejected or cancelled ends here. A pickup that expired was logistics' rejection: the
// cancellation goes there to be answered.
import type { RejectionReason } from '@cbec/contracts';
import type { Custody } from '@cbec/domain';
import type { TaxOrderStatus } from '../persistence/tax-order.entity';

export function assessmentCustodyOf(order: { status: TaxOrderStatus; reasonCode: RejectionReason | null }): Custody {
  switch (order.status) {
    case 'TAX_ASSESSED':
      return { kind: 'HOLDING' };
    case 'TAX_PAID':
    case 'PERMIT_ISSUED':
      return { kind: 'HANDED_ON', to: 'logistics' };
    case 'CANCELLED':
      return { kind: 'ENDED', because: 'CANCELLED' };
    case 'REJECTED':
      return order.reasonCode === 'PICKUP_EXPIRED' ? { kind: 'HANDED_ON', to: 'logistics' } : { kind: 'ENDED', because: 'REJECTED' };
  }
}
