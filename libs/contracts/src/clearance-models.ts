// What differs between the three clearance models, as data in one place (CONTRACT 3, 4).
// Services read these flags instead of testing the model by name.
import { OUTBOUND_EVENTS, type OutboundEventType } from './event-types';
import type { ClearanceModel, ClearanceStatus, TaxRegime } from './vocabulary';

export interface ClearanceModelRules {
  /** Model I: the declaration waits for the logistics company's documents. */
  requestsLogisticsDocuments: boolean;
  /** Documents the declaration attaches from the order and payment (model III). */
  attachesOrderDocuments: boolean;
  /** Rule 2 of CONTRACT 4.2: cross-border retail goods must be on the positive list. */
  positiveListApplies: boolean;
  /** Rule 3: quarantine inspection of goods whose tariff entry says so. */
  quarantineApplies: boolean;
  /** Rule 4: proof of price when a unit price is below half its reference. */
  proofOfPriceApplies: boolean;
  /** Cross-border retail tax (limits, 70 %) or general trade (full rates). */
  taxRegime: Extract<TaxRegime, 'CBEC_RETAIL' | 'GENERAL_TRADE'>;
  /** Model I: the platform withholds the tax, so it is paid the moment it is assessed. */
  taxWithheld: boolean;
  /** Models II and III receive an import permit after payment. */
  issuesPermit: boolean;
  /** Delivery to the door (signature) or a designated pickup location (pickup code). */
  handOver: 'DELIVERY' | 'PICKUP';
  /**
   * Where returned goods go (CONTRACT 7.3), for the cross-border retail models only: model III
   * to its zone's bonded storage site, model I to the carrier's returns hub; null: no returns.
   */
  returnsTo: 'ZONE_STORAGE_SITE' | 'CARRIER_RETURNS_HUB' | null;
  /**
   * The trade mode a cross-border retail order is declared under to the Single Window (CONTRACT
   * 8): 9610 direct purchase (model I), 1210 bonded (model III); null: declared outside it (model II).
   */
  singleWindowTradeMode: '9610' | '1210' | null;
}

export const CLEARANCE_MODEL_RULES: Record<ClearanceModel, ClearanceModelRules> = {
  DIRECT_MAIL: {
    requestsLogisticsDocuments: true,
    attachesOrderDocuments: false,
    positiveListApplies: true,
    quarantineApplies: false,
    proofOfPriceApplies: false,
    taxRegime: 'CBEC_RETAIL',
    taxWithheld: true,
    issuesPermit: false,
    handOver: 'DELIVERY',
    returnsTo: 'CARRIER_RETURNS_HUB',
    singleWindowTradeMode: '9610',
  },
  GENERAL_TRADE: {
    requestsLogisticsDocuments: false,
    attachesOrderDocuments: false,
    positiveListApplies: false,
    quarantineApplies: true,
    proofOfPriceApplies: false,
    taxRegime: 'GENERAL_TRADE',
    taxWithheld: false,
    issuesPermit: true,
    handOver: 'PICKUP',
    returnsTo: null,
    singleWindowTradeMode: null,
  },
  BONDED_ZONE: {
    requestsLogisticsDocuments: false,
    attachesOrderDocuments: true,
    positiveListApplies: true,
    quarantineApplies: true,
    proofOfPriceApplies: true,
    taxRegime: 'CBEC_RETAIL',
    taxWithheld: false,
    issuesPermit: true,
    handOver: 'PICKUP',
    returnsTo: 'ZONE_STORAGE_SITE',
    singleWindowTradeMode: '1210',
  },
};

/** The happy path of each model, status by status (CONTRACT 3), optional stages left out. */
export const HAPPY_PATH: Record<ClearanceModel, ClearanceStatus[]> = {
  DIRECT_MAIL: ['RECEIVED', 'ORDER_CONFIRMED', 'DOCUMENTS_REQUESTED', 'DOCUMENTS_READY', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'TAX_ASSESSED', 'TAX_PAID', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'COMPLETED'],
  GENERAL_TRADE: ['RECEIVED', 'ORDER_CONFIRMED', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'TAX_ASSESSED', 'TAX_PAID', 'PERMIT_ISSUED', 'IN_TRANSIT', 'READY_FOR_PICKUP', 'COMPLETED'],
  BONDED_ZONE: ['RECEIVED', 'ORDER_CONFIRMED', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'TAX_ASSESSED', 'TAX_PAID', 'PERMIT_ISSUED', 'IN_TRANSIT', 'READY_FOR_PICKUP', 'COMPLETED'],
};

/**
 * The customs receipt status code (DOMAIN.md: the inventory-list receipt) that a timeline entry
 * into this status shows: 120 accepted, 300 manual review, 500 inspection, 800 released,
 * 899 closed, 100 rejected, 700 returned (the goods went back: a return, CEB625). A withdrawn
 * declaration (CANCELLED, CEB623) is closed: 899.
 */
export const CUSTOMS_RECEIPT_CODES: Partial<Record<ClearanceStatus, number>> = {
  DECLARED: 120,
  UNDER_REVIEW: 120,
  PROOF_REQUESTED: 300,
  HELD_FOR_REVIEW: 300,
  QUARANTINE_INSPECTION: 500,
  APPROVED: 800,
  COMPLETED: 899,
  REJECTED: 100,
  CANCELLED: 899,
  RETURNED: 700,
};

/** The customs code of timeline entries that change no status: every completed return is goods returned (700). */
export const CUSTOMS_RECEIPT_CODES_OF_NOTICES: Partial<Record<OutboundEventType, number>> = {
  [OUTBOUND_EVENTS.returnCompleted]: 700,
};
