// Data of the internal events services publish on their own topics. An event carries what its
// consumers need, so no service reads another's tables (ARCHITECTURE.md).
import type { OrderPlacedData } from './payloads/order-placed';
import type { ClearanceModel, FieldError, RefusalReason, RejectionReason } from './vocabulary';

export interface OrderRef {
  platformId: string;
  orderId: string;
}

/** cbec.order.order-confirmed.v1: the order passed intake; `order` is the accepted data. */
export interface OrderConfirmedData extends OrderRef {
  clearanceModel: ClearanceModel;
  order: OrderPlacedData;
}

/** cbec.order.order-rejected.v1 and every later service's rejection. */
export interface OrderRejectedData extends OrderRef {
  clearanceModel?: ClearanceModel;
  reasonCode: RejectionReason;
  details: FieldError[];
}

/** A platform request refused while the order goes on (CONTRACT 2.3 request-refused). */
export interface RequestRefusedData extends OrderRef {
  refusedEventId: string;
  refusedType: string;
  reasonCode: RefusalReason;
  message: string;
}
