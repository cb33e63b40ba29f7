// How logistics stands to an order when a cancellation comes (CONTRACT 7.2): released goods
// waiting in the warehouse are its to cancel; once they left (IN_TRANSIT on, delivered,
// returned) it is too late. With its documents provided (model I) the order is back with the
// declaration. A pickup that expired, or a cancellation here, ends it.
import type { Custody } from '@cbec/domain';
import type { ShipmentStatus } from '../persistence/shipment.entity';

export function shipmentCustodyOf(status: ShipmentStatus): Custody {
  switch (status) {
    case 'DOCUMENTS_READY':
      return { kind: 'HANDED_ON', to: 'declaration' };
    case 'RELEASED':
      return { kind: 'HOLDING' };
    case 'OUT_FOR_DELIVERY':
    case 'READY_FOR_PICKUP':
    case 'COMPLETED':
    case 'RETURNED':
      return { kind: 'ENDED', because: 'GOODS_MOVED' };
    case 'REJECTED':
      return { kind: 'ENDED', because: 'REJECTED' };
    case 'CANCELLED':
      return { kind: 'ENDED', because: 'CANCELLED' };
  }
}
