// The internal events: their type names, their data, and which clearance status each one
// leads to. Services publish them on their own topic `cbec.<service>.events`. An event carries
// what its consumers need, so no service reads another's tables (ARCHITECTURE.md).
import { OUTBOUND_EVENTS, OutboundEventType } from './event-types';
import type { OrderItemData, OrderPlacedData, TransportData } from './payloads/order-placed';
import { listedFieldErrors } from './payloads/input-limits';
import type { ClearanceModel, ClearanceStatus, DocumentKind, FieldError, RefusalReason, RejectionReason, TaxRegime } from './vocabulary';

export const SERVICE_NAMES = ['order', 'declaration', 'inspection', 'tax-permit', 'logistics', 'single-window', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const ORDER_EVENTS = {
  orderConfirmed: 'cbec.order.order-confirmed.v1',
  orderRejected: 'cbec.order.order-rejected.v1',
  requestRefused: 'cbec.order.request-refused.v1',
  /** A platform's cancel-requested, passed on to the service the confirmed order went to. */
  cancellationForwarded: 'cbec.order.cancellation-forwarded.v1',
} as const;

export const DECLARATION_EVENTS = {
  documentsRequested: 'cbec.declaration.documents-requested.v1',
  declarationSubmitted: 'cbec.declaration.declaration-submitted.v1',
  cancellationForwarded: 'cbec.declaration.cancellation-forwarded.v1',
} as const;

export const INSPECTION_EVENTS = {
  reviewStarted: 'cbec.inspection.review-started.v1',
  quarantineStarted: 'cbec.inspection.quarantine-started.v1',
  proofRequested: 'cbec.inspection.proof-requested.v1',
  proofReceived: 'cbec.inspection.proof-received.v1',
  heldForReview: 'cbec.inspection.held-for-review.v1',
  approved: 'cbec.inspection.approved.v1',
  rejected: 'cbec.inspection.rejected.v1',
  requestRefused: 'cbec.inspection.request-refused.v1',
  cancellationForwarded: 'cbec.inspection.cancellation-forwarded.v1',
  cancelled: 'cbec.inspection.order-cancelled.v1',
  cancellationConfirmed: 'cbec.inspection.cancellation-confirmed.v1',
  /**
   * Rules 0 to 2 of the review passed for an order of model I or III: its inventory list (CEB621)
   * goes to customs (CONTRACT 8.2). No status of its own.
   */
  inventoryListDue: 'cbec.inspection.inventory-list-due.v1',
} as const;

export const TAX_PERMIT_EVENTS = {
  taxAssessed: 'cbec.tax-permit.tax-assessed.v1',
  taxPaid: 'cbec.tax-permit.tax-paid.v1',
  permitIssued: 'cbec.tax-permit.permit-issued.v1',
  rejected: 'cbec.tax-permit.rejected.v1',
  requestRefused: 'cbec.tax-permit.request-refused.v1',
  tariffChanged: 'cbec.tax-permit.tariff-changed.v1',
  cancellationForwarded: 'cbec.tax-permit.cancellation-forwarded.v1',
  cancelled: 'cbec.tax-permit.order-cancelled.v1',
  cancellationConfirmed: 'cbec.tax-permit.cancellation-confirmed.v1',
  /** Every change of a consumer's annual total (counted, given back), for the gateway's quotes. */
  annualTotalChanged: 'cbec.tax-permit.annual-total-changed.v1',
} as const;

export const LOGISTICS_EVENTS = {
  documentsProvided: 'cbec.logistics.documents-provided.v1',
  dispatched: 'cbec.logistics.dispatched.v1',
  outForDelivery: 'cbec.logistics.out-for-delivery.v1',
  readyForPickup: 'cbec.logistics.ready-for-pickup.v1',
  delivered: 'cbec.logistics.delivered.v1',
  pickupExpired: 'cbec.logistics.pickup-expired.v1',
  requestRefused: 'cbec.logistics.request-refused.v1',
  cancellationForwarded: 'cbec.logistics.cancellation-forwarded.v1',
  cancelled: 'cbec.logistics.order-cancelled.v1',
  cancellationConfirmed: 'cbec.logistics.cancellation-confirmed.v1',
  returnAccepted: 'cbec.logistics.return-accepted.v1',
  returnCompleted: 'cbec.logistics.return-completed.v1',
  /** Every unit of the order is back: RETURNED, just before that last return's return-completed. */
  returned: 'cbec.logistics.order-returned.v1',
} as const;

/** What the Single Window service learns from customs' receipts (CONTRACT 8.4). */
export const SINGLE_WINDOW_EVENTS = {
  /** A receipt about an order: a timeline entry; CEB622 ones move the review in folder mode. */
  receiptRecorded: 'cbec.single-window.receipt-recorded.v1',
} as const;

/**
 * The forwarded cancellation of each service's topic. A cancellation follows its order from
 * service to service on these until it reaches the one that holds the order (docs/clearance.md, "The
 * cancellation race").
 */
export const CANCELLATION_FORWARDS: Record<ServiceName, string | undefined> = {
  order: ORDER_EVENTS.cancellationForwarded,
  declaration: DECLARATION_EVENTS.cancellationForwarded,
  inspection: INSPECTION_EVENTS.cancellationForwarded,
  'tax-permit': TAX_PERMIT_EVENTS.cancellationForwarded,
  logistics: LOGISTICS_EVENTS.cancellationForwarded,
  'single-window': undefined,
  gateway: undefined,
};

/**
 * Commands from ops (through the gateway) to the service that owns the decision, on
 * TOPICS.opsCommands. The owner answers on its own topic with the command's event id as
 * `requestId`, so the gateway can reply to the HTTP call.
 */
export const OPS_COMMANDS = {
  decideInspection: 'cbec.ops.inspection-decision-requested.v1',
  upsertTariff: 'cbec.ops.tariff-upsert-requested.v1',
  replayDeadLetter: 'cbec.ops.dead-letter-replay-requested.v1',
} as const;

/** What services tell ops: answers to commands, and dead letters as they happen. */
export const OPS_EVENTS = {
  inspectionDecisionRecorded: 'cbec.inspection.decision-recorded.v1',
  tariffChangeRefused: 'cbec.tax-permit.tariff-change-refused.v1',
  messageDeadLettered: 'cbec.ops.message-dead-lettered.v1',
  deadLetterReplayed: 'cbec.ops.dead-letter-replayed.v1',
} as const;

/** The answer of the owning service to an ops command. */
export interface CommandAnswerData {
  requestId: string;
  outcome: 'APPLIED' | 'REFUSED';
  message: string;
  details?: FieldError[];
}

/** A service's own events topic, where it publishes everything, answers to ops included. */
export function serviceEventsTopic(service: string): string {
  return `cbec.${service}.events`;
}

/** The subject of events about a dead letter, and a tariff entry (they are about no order). */
export const deadLetterSubject = (id: string) => `dead-letter/${id}`;
export const tariffSubject = (hsPrefix: string) => `tariff/${hsPrefix}`;

/**
 * Every event that changes an order's status, the status it leads to and the service that
 * emits it. The gateway's translator and read model follow an order by this table alone.
 */
export const STATUS_EVENTS: Record<string, { status: ClearanceStatus; service: ServiceName }> = {
  [ORDER_EVENTS.orderConfirmed]: { status: 'ORDER_CONFIRMED', service: 'order' },
  [ORDER_EVENTS.orderRejected]: { status: 'REJECTED', service: 'order' },
  [DECLARATION_EVENTS.documentsRequested]: { status: 'DOCUMENTS_REQUESTED', service: 'declaration' },
  [LOGISTICS_EVENTS.documentsProvided]: { status: 'DOCUMENTS_READY', service: 'logistics' },
  [DECLARATION_EVENTS.declarationSubmitted]: { status: 'DECLARED', service: 'declaration' },
  [INSPECTION_EVENTS.reviewStarted]: { status: 'UNDER_REVIEW', service: 'inspection' },
  [INSPECTION_EVENTS.quarantineStarted]: { status: 'QUARANTINE_INSPECTION', service: 'inspection' },
  [INSPECTION_EVENTS.proofRequested]: { status: 'PROOF_REQUESTED', service: 'inspection' },
  [INSPECTION_EVENTS.proofReceived]: { status: 'PROOF_SUBMITTED', service: 'inspection' },
  [INSPECTION_EVENTS.heldForReview]: { status: 'HELD_FOR_REVIEW', service: 'inspection' },
  [INSPECTION_EVENTS.approved]: { status: 'APPROVED', service: 'inspection' },
  [INSPECTION_EVENTS.rejected]: { status: 'REJECTED', service: 'inspection' },
  [TAX_PERMIT_EVENTS.taxAssessed]: { status: 'TAX_ASSESSED', service: 'tax-permit' },
  [TAX_PERMIT_EVENTS.taxPaid]: { status: 'TAX_PAID', service: 'tax-permit' },
  [TAX_PERMIT_EVENTS.permitIssued]: { status: 'PERMIT_ISSUED', service: 'tax-permit' },
  [TAX_PERMIT_EVENTS.rejected]: { status: 'REJECTED', service: 'tax-permit' },
  [LOGISTICS_EVENTS.dispatched]: { status: 'IN_TRANSIT', service: 'logistics' },
  [LOGISTICS_EVENTS.outForDelivery]: { status: 'OUT_FOR_DELIVERY', service: 'logistics' },
  [LOGISTICS_EVENTS.readyForPickup]: { status: 'READY_FOR_PICKUP', service: 'logistics' },
  [LOGISTICS_EVENTS.delivered]: { status: 'COMPLETED', service: 'logistics' },
  [LOGISTICS_EVENTS.pickupExpired]: { status: 'REJECTED', service: 'logistics' },
  [INSPECTION_EVENTS.cancelled]: { status: 'CANCELLED', service: 'inspection' },
  [TAX_PERMIT_EVENTS.cancelled]: { status: 'CANCELLED', service: 'tax-permit' },
  [LOGISTICS_EVENTS.cancelled]: { status: 'CANCELLED', service: 'logistics' },
  [LOGISTICS_EVENTS.returned]: { status: 'RETURNED', service: 'logistics' },
};

/** Refusals of a platform request: they change no status and refer to the step they saw. */
export const REFUSAL_EVENTS: Record<string, ServiceName> = {
  [ORDER_EVENTS.requestRefused]: 'order',
  [INSPECTION_EVENTS.requestRefused]: 'inspection',
  [TAX_PERMIT_EVENTS.requestRefused]: 'tax-permit',
  [LOGISTICS_EVENTS.requestRefused]: 'logistics',
};

/** The outbound event that follows `status-changed` into these statuses (CONTRACT 2.3). */
export const STATUS_NOTICES: Partial<Record<ClearanceStatus, OutboundEventType>> = {
  PROOF_REQUESTED: OUTBOUND_EVENTS.proofRequested,
  TAX_ASSESSED: OUTBOUND_EVENTS.taxAssessed,
  READY_FOR_PICKUP: OUTBOUND_EVENTS.pickupReady,
  OUT_FOR_DELIVERY: OUTBOUND_EVENTS.outForDelivery,
  REJECTED: OUTBOUND_EVENTS.rejected,
  COMPLETED: OUTBOUND_EVENTS.completed,
};

/**
 * Internal events that tell the platform something without changing the status (CONTRACT 7): the
 * outbound event each becomes, and who emits it. Like refusals they refer to a step (they go out
 * once the order has reached it); unlike refusals they answer a request that was accepted. A
 * cancellation's confirmation comes at the step of its CANCELLED, so right after it; the return
 * that brings the last unit back comes at the step of RETURNED.
 */
export const NOTICE_EVENTS: Record<string, { notice: OutboundEventType; service: ServiceName }> = {
  [INSPECTION_EVENTS.cancellationConfirmed]: { notice: OUTBOUND_EVENTS.cancelled, service: 'inspection' },
  [TAX_PERMIT_EVENTS.cancellationConfirmed]: { notice: OUTBOUND_EVENTS.cancelled, service: 'tax-permit' },
  [LOGISTICS_EVENTS.cancellationConfirmed]: { notice: OUTBOUND_EVENTS.cancelled, service: 'logistics' },
  [LOGISTICS_EVENTS.returnAccepted]: { notice: OUTBOUND_EVENTS.returnAccepted, service: 'logistics' },
  [LOGISTICS_EVENTS.returnCompleted]: { notice: OUTBOUND_EVENTS.returnCompleted, service: 'logistics' },
};

export interface OrderRef {
  platformId: string;
  orderId: string;
}

/** Every internal event about an order says which order and under which model. */
export interface ClearanceEventData extends OrderRef {
  clearanceModel: ClearanceModel | null;
  /**
   * For events whose status has a notice (STATUS_NOTICES): the notice's own fields, which the
   * gateway publishes to the platform as they are (e.g. `location`, `pickupCode`).
   */
  notice?: Record<string, unknown>;
}

/** cbec.order.order-confirmed.v1: the order passed intake; `order` is the accepted data. */
export interface OrderConfirmedData extends ClearanceEventData {
  clearanceModel: ClearanceModel;
  order: OrderPlacedData;
}

/** Every rejection (order, inspection, tax-permit, logistics): REJECTED with a reason. */
export interface RejectionData extends ClearanceEventData {
  reasonCode: RejectionReason;
  details: FieldError[];
  notice: { reasonCode: RejectionReason; details: FieldError[] };
}

export function rejection(ref: OrderRef, clearanceModel: ClearanceModel | null, reasonCode: RejectionReason, allDetails: FieldError[]): RejectionData {
  const details = listedFieldErrors(allDetails);
  return { platformId: ref.platformId, orderId: ref.orderId, clearanceModel, reasonCode, details, notice: { reasonCode, details } };
}

/** A platform request refused while the order goes on (CONTRACT 2.3 request-refused). */
export interface RequestRefusedData extends OrderRef {
  refusedEventId: string;
  refusedType: string;
  reasonCode: RefusalReason;
  message: string;
  details?: FieldError[];
}

/** Why a request is refused: a rule's verdict carries these (and may carry more, left out). */
export interface RefusalGrounds {
  reasonCode: RefusalReason;
  message: string;
  details?: FieldError[];
}

/**
 * The request-refused of the incoming event `refused`. Services that hold the order's model name
 * it (`clearanceModel`, null when they never had the order); the others leave it out.
 */
export function refusal(ref: OrderRef, refused: { id: string; type: string }, grounds: RefusalGrounds): RequestRefusedData;
export function refusal(ref: OrderRef, refused: { id: string; type: string }, grounds: RefusalGrounds, clearanceModel: ClearanceModel | null): RequestRefusedData & Pick<ClearanceEventData, 'clearanceModel'>;
export function refusal(ref: OrderRef, refused: { id: string; type: string }, { reasonCode, message, details }: RefusalGrounds, clearanceModel?: ClearanceModel | null): RequestRefusedData {
  return {
    platformId: ref.platformId,
    orderId: ref.orderId,
    ...(clearanceModel !== undefined ? { clearanceModel } : {}),
    refusedEventId: refused.id,
    refusedType: refused.type,
    reasonCode,
    message,
    ...(details ? { details } : {}),
  };
}

/**
 * The step of what an event leads to: one after the event's own (an event without one, such as
 * a platform's, is at step 0). The gateway tells the platform of an order's events in step order.
 */
export function nextStep(event: { step?: number }): number {
  return (event.step ?? 0) + 1;
}

export interface AttachedDocument {
  kind: DocumentKind;
  /** Who provided it: the logistics company (model I) or the order and payment data (model III). */
  providedBy: 'LOGISTICS' | 'ORDER';
  reference: string;
}

/** The declaration (inventory list) as filed; carried forward by every later step. */
export interface Declaration extends OrderRef {
  declarationNumber: string;
  clearanceModel: ClearanceModel;
  bondedZone?: string;
  placedAt: string;
  currency: string;
  consignee: OrderPlacedData['consumer'];
  logistics: { carrier: string; waybillNumber: string; transport?: TransportData };
  payment: { provider: string; transactionId: string; amount: string };
  items: OrderItemData[];
  freight: string;
  insurance: string;
  documents: AttachedDocument[];
  declaredAt: string;
}

export interface DocumentsRequestedData extends ClearanceEventData {
  clearanceModel: ClearanceModel;
  requestedDocuments: DocumentKind[];
  order: OrderPlacedData;
}

export interface DocumentsProvidedData extends ClearanceEventData {
  documents: AttachedDocument[];
  waybillNumber: string;
}

/** Declaration, review, approval and tax events carry the declaration forward. */
export interface DeclarationEventData extends ClearanceEventData {
  clearanceModel: ClearanceModel;
  declaration: Declaration;
}

export interface QuarantineStartedData extends ClearanceEventData {
  until: string;
}

export interface ProofRequestedData extends ClearanceEventData {
  notice: { requestedDocuments: DocumentKind[]; question: string; dueBy: string };
}

export interface ProofReceivedData extends ClearanceEventData {
  documents: { kind: DocumentKind; fileName: string; sha256: string }[];
}

/** inventory-list-due: the declaration, and the tariff's legal unit of each item (CONTRACT 8.2). */
export interface InventoryListDueData extends DeclarationEventData {
  legalUnits: string[];
}

/** The Single Window message types the system sends, and the receipts it reads (CONTRACT 8). */
export type SingleWindowMessageType = 'CEB311' | 'CEB621' | 'CEB623' | 'CEB625';
export type CustomsReceiptType = 'CEB312' | 'CEB622' | 'CEB624' | 'CEB626' | 'CEB816' | 'CEB900';

/** A CEB816 electronic tax bill as recorded, compared with the assessment to the cent. */
export interface CustomsTaxBill {
  taxNo: string;
  customsTax: string;
  valueAddedTax: string;
  consumptionTax: string;
  /** Null while the order has no assessment to compare with yet. */
  matchesAssessment: boolean | null;
}

/** receipt-recorded: one receipt of customs about an order, as the timeline shows it. */
export interface CustomsReceiptData extends ClearanceEventData {
  messageType: CustomsReceiptType;
  guid: string;
  /** The document it answers (the system's copNo), when it names one. */
  copNo?: string;
  returnStatus: string;
  returnInfo: string;
  /** When customs wrote it (returnTime, as an ISO time). */
  at: string;
  preNo?: string;
  invtNo?: string;
  /** CEB816 only. */
  taxBill?: CustomsTaxBill;
}

export interface TaxLine {
  sku: string;
  dutiableValue: string;
  duty: string;
  consumptionTax: string;
  vat: string;
}

/** The platform's tax-assessed.v1 fields (CONTRACT 2.3). */
export interface TaxAssessmentNotice {
  assessmentId: string;
  regime: TaxRegime;
  currency: string;
  dutiableTotal: string;
  lines: TaxLine[];
  totals: { duty: string; consumptionTax: string; vat: string; total: string };
  withheld: boolean;
  dueBy?: string;
}

export interface TaxAssessedData extends DeclarationEventData {
  notice: TaxAssessmentNotice & Record<string, unknown>;
}

export interface TaxSettledData extends DeclarationEventData {
  assessmentId: string;
  amount: string;
  withheld: boolean;
  paymentReference?: string;
  /** The assessment as notified, for refunds of returned goods. */
  assessment?: TaxAssessmentNotice;
}

export interface PermitIssuedData extends DeclarationEventData {
  permitNumber: string;
  /** What was paid (the release's refund if the order is cancelled before the goods move). */
  assessmentId?: string;
  amount?: string;
  /** The assessment as notified, for refunds of returned goods. */
  assessment?: TaxAssessmentNotice;
}

export interface DispatchedData extends ClearanceEventData {
  carrier: string;
  waybillNumber: string;
}

export interface OutForDeliveryData extends ClearanceEventData {
  notice: { carrier: string; waybillNumber: string };
}

export interface ReadyForPickupData extends ClearanceEventData {
  notice: { location: { name: string; address: string }; availableFrom: string; availableUntil: string; pickupCode: string };
}

export interface DeliveredData extends ClearanceEventData {
  notice: { declarationNumber: string; permitNumber?: string; completedAt: string };
}

/** A tariff entry as tax-permit holds it (CONTRACT 4.1), published on every change. */
export interface TariffEntryData {
  hsPrefix: string;
  description: string;
  dutyRate: string;
  vatRate: string;
  consumptionTaxRate: string;
  cbecEligible: boolean;
  quarantine: boolean;
  prohibited: boolean;
  referenceUnitPrice?: string;
  /** The legal unit of quantity (JGS-20 code) of CEB621's qty1/unit1; `035` (kilogram) when absent (CONTRACT 8.2). */
  legalUnit?: string;
}

/**
 * Only the contract's fields of a tariff entry, whatever else `fields` holds; an optional field
 * that is absent or null (a database column) is left out, never null.
 */
export function tariffEntryData(fields: Omit<TariffEntryData, 'referenceUnitPrice' | 'legalUnit'> & { referenceUnitPrice?: string | null; legalUnit?: string | null }): TariffEntryData {
  const { hsPrefix, description, dutyRate, vatRate, consumptionTaxRate, cbecEligible, quarantine, prohibited, referenceUnitPrice, legalUnit } = fields;
  return {
    hsPrefix,
    description,
    dutyRate,
    vatRate,
    consumptionTaxRate,
    cbecEligible,
    quarantine,
    prohibited,
    ...(referenceUnitPrice === undefined || referenceUnitPrice === null ? {} : { referenceUnitPrice }),
    ...(legalUnit === undefined || legalUnit === null ? {} : { legalUnit }),
  };
}

/** The legal unit of an entry: its own, else kilogram. */
export const DEFAULT_LEGAL_UNIT = '035';
/** A JGS-20 unit code: three digits. */
export const LEGAL_UNIT_PATTERN = /^\d{3}$/;

export function legalUnitOf(entry: Pick<TariffEntryData, 'legalUnit'> | undefined): string {
  return entry?.legalUnit ?? DEFAULT_LEGAL_UNIT;
}

export interface TariffChangedData {
  entry: TariffEntryData;
  /** The ops command that asked for the change, if one did. */
  requestId?: string;
}

export interface TariffUpsertRequestedData {
  entry: TariffEntryData;
}

/** A dead letter as ops see it (CONTRACT 5 dead-letters item). */
export interface DeadLetterData {
  id: string;
  consumerGroup: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  reason: string;
  attempts: number;
  deadAt: string;
  /** The original value as text, cut at 64 KiB. */
  payload: string;
}

export interface DeadLetterReplayRequestedData {
  id: string;
  consumerGroup: string;
}

/** An officer's decision on a held order or a quarantine (CONTRACT 4.2, 5). */
export interface InspectionDecisionData extends OrderRef {
  decision: 'RELEASE' | 'FAIL';
  note?: string;
  decidedBy?: string;
}

/** A platform's after-sale request as it travels between services: the original event's identity and data. */
export interface ForwardedRequest {
  eventId: string;
  type: string;
  time: string;
  correlationId?: string;
  data: unknown;
}

/** `cancellation-forwarded`: a cancel-requested passed on to the service the order went to next. */
export interface CancellationForwardedData extends ClearanceEventData {
  /** The service it is for; the others reading the same topic leave it. */
  to: ServiceName;
  request: ForwardedRequest;
}

/** The platform's cancelled.v1 fields (CONTRACT 7.2). */
export interface CancellationNotice {
  reason: string;
  cancelledAt: string;
  /** Where tax was paid or withheld: the whole assessed total. */
  refund?: { assessmentId: string; amount: string };
}

/** order-cancelled (CANCELLED), and cancellation-confirmed (cancelled.v1) with the same data. */
export interface OrderCancelledData extends ClearanceEventData {
  notice: CancellationNotice & Record<string, unknown>;
}

export interface ReturnedItem {
  sku: string;
  quantity: number;
}

export interface ReturnAddress {
  name: string;
  address: string;
}

/** The platform's return-accepted.v1 fields (CONTRACT 7.3). */
export interface ReturnAcceptedNotice {
  returnId: string;
  items: ReturnedItem[];
  returnTo: ReturnAddress;
  returnBy: string;
}

export interface ReturnRefund {
  duty: string;
  consumptionTax: string;
  vat: string;
  total: string;
}

/** The platform's return-completed.v1 fields (CONTRACT 7.3). */
export interface ReturnCompletedNotice {
  returnId: string;
  items: ReturnedItem[];
  refund: ReturnRefund;
  quotaGivenBack: string;
}

export interface ReturnAcceptedData extends ClearanceEventData {
  notice: ReturnAcceptedNotice & Record<string, unknown>;
  /** The platform's reason for the return (the CEB625's reason). */
  reason?: string;
}

/** return-completed; order-returned (RETURNED) carries the same data of the last return. */
export interface ReturnCompletedData extends ClearanceEventData {
  notice: ReturnCompletedNotice & Record<string, unknown>;
}

/**
 * A consumer's annual total after a change (an order counted, or given back), with the ledger
 * row's version so a reader can keep the newest whatever the order of arrival. Internal: it
 * names the consumer by their keyed hash, never by the ID number.
 */
export interface AnnualTotalChangedData extends OrderRef {
  /** The consumer as tax-permit's ledger files them: consumerKeyOf(idNumber, CONSUMER_KEY_SECRET) (libs/privacy). */
  consumerKey?: string;
  /** Only in events published before the ledger was keyed by consumerKey; never published any more. */
  consumerIdNumber?: string;
  quotaYear: number;
  total: string;
  version: number;
}
