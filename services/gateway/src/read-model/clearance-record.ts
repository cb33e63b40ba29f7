// What the read model knows of one order: its clearance view (CONTRACT 5) and the raw entries of
// its timeline, as the projection keeps them; the timeline is put in order when read.
import type { CancellationNotice, ClearanceModel, ClearanceStatus, CustomsTaxBill, OrderRef, ReturnAddress, ReturnedItem, ReturnRefund, ReturnStatus, ServiceName, TaxAssessmentNotice } from '@cbec/contracts';
import type { ClearanceParticulars } from './particulars.rule';

export interface PickupDetails {
  location: { name: string; address: string };
  availableFrom: string;
  availableUntil: string;
  pickupCode: string;
}

export interface DeliveryDetails {
  carrier: string;
  waybillNumber: string;
}

/** One return of the order as the view shows it (CONTRACT 5 `returns`). */
export interface ReturnDetails {
  returnId: string;
  items: ReturnedItem[];
  status: ReturnStatus;
  returnTo: ReturnAddress;
  returnBy: string;
  /** Once the goods are back. */
  refund?: ReturnRefund;
}

/** The last receipt of customs about the order (CONTRACT 8.5 `customs.lastReceipt`). */
export interface LastReceipt {
  messageType: string;
  /** As customs wrote it ("120", "-301010"). */
  returnStatus: string;
  returnInfo: string;
  at: string;
}

/** What customs' receipts told of the order (CONTRACT 8.5 `customs`), made from its receipts alone (customs.rule.ts). */
export interface CustomsView {
  /** customs' pre-entry number (CEB622 1, 2, 3). */
  preNo?: string;
  /** customs' inventory number (CEB622 120 on): the order's declaration number from then on. */
  invtNo?: string;
  lastReceipt: LastReceipt;
  /** The CEB816 tax bill, compared with the assessment to the cent. */
  taxBill?: CustomsTaxBill;
}

export interface ClearanceView {
  platformId: string;
  orderId: string;
  /** Null only for an order rejected at intake whose model was not a valid one. */
  clearanceModel: ClearanceModel | null;
  status: ClearanceStatus;
  reasonCode: string | null;
  declarationNumber: string | null;
  /** The data of tax-assessed.v1. */
  taxAssessment: TaxAssessmentNotice | null;
  permitNumber: string | null;
  /** The data of pickup-ready.v1. */
  pickup: PickupDetails | null;
  /** The data of out-for-delivery.v1. */
  delivery: DeliveryDetails | null;
  /** For ops: consignee, payment, logistics, items and documents, masked (particulars.rule.ts). */
  particulars: ClearanceParticulars | null;
  /** The data of cancelled.v1; absent unless the order was cancelled. */
  cancellation?: CancellationNotice;
  /** The order's returns in the order they were accepted; absent (shown empty) when none. */
  returns?: ReturnDetails[];
  /** What customs' receipts told; absent until the order has one. */
  customs?: CustomsView;
  /** The earliest time of the events that made the view (RFC 3339, UTC, milliseconds). */
  createdAt: string;
  /** The latest time of the events that changed it; customs' receipts, which change no status, leave it. */
  updatedAt: string;
}

/** A status event of a service, a refusal of a platform request, an after-sale notice, the platform's own event, or a receipt of customs. */
export type TimelineKind = 'status' | 'refusal' | 'notice' | 'platform' | 'receipt';

/** A receipt of customs as its entry keeps it: the timeline shows its type and returnInfo, the customs view is made from all of it. */
export interface ReceiptDetails {
  messageType: string;
  /** As customs wrote it ("120", "-301010"); the entry's customsCode is its number. */
  returnStatus: string;
  returnInfo: string;
  guid: string;
  preNo?: string;
  invtNo?: string;
  /** CEB816: the bill, with the Single Window service's comparison (null when it had no assessment). */
  taxBill?: CustomsTaxBill;
}

export interface TimelineRecord {
  eventId: string;
  kind: TimelineKind;
  /** The CloudEvents type of the event (internal type for the services' events); `customs-receipt` for a receipt. */
  type: string;
  status: ClearanceStatus | null;
  at: string;
  service: ServiceName;
  /** The customs receipt status code of the status entered (CUSTOMS_RECEIPT_CODES), or a receipt's returnStatus. */
  customsCode: number | null;
  /** Why a request was refused or an order rejected. */
  reasonCode: string | null;
  /** The order's step the event carries (status events and refusals). */
  step: number | null;
  /** The event that caused this one: ties a platform's request to the answer it got. */
  causationId: string | null;
  /** A receipt of customs: what it said. */
  receipt: ReceiptDetails | null;
}

export interface ClearanceRecord {
  ref: OrderRef;
  /** Absent until an order-placed or a status event makes the order known. */
  view: ClearanceView | null;
  /** Entries as recorded, in no particular order (see timeline-order.rule.ts). */
  timeline: TimelineRecord[];
}

export function emptyRecord(ref: OrderRef): ClearanceRecord {
  return { ref: { platformId: ref.platformId, orderId: ref.orderId }, view: null, timeline: [] };
}
