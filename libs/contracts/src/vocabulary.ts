// The words of CONTRACT.md sections 2 and 3, once: clearance models, statuses, reason codes,
// document kinds. Everything else imports them from here.

export const CLEARANCE_MODELS = ['DIRECT_MAIL', 'GENERAL_TRADE', 'BONDED_ZONE'] as const;
export type ClearanceModel = (typeof CLEARANCE_MODELS)[number];

export const BONDED_ZONES = ['HANGZHOU', 'ZHENGZHOU'] as const;
export type BondedZone = (typeof BONDED_ZONES)[number];

export const CLEARANCE_STATUSES = [
  'RECEIVED',
  'ORDER_CONFIRMED',
  'DOCUMENTS_REQUESTED',
  'DOCUMENTS_READY',
  'DECLARED',
  'UNDER_REVIEW',
  'QUARANTINE_INSPECTION',
  'PROOF_REQUESTED',
  'PROOF_SUBMITTED',
  'HELD_FOR_REVIEW',
  'APPROVED',
  'TAX_ASSESSED',
  'TAX_PAID',
  'PERMIT_ISSUED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'READY_FOR_PICKUP',
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
  'RETURNED',
] as const;
export type ClearanceStatus = (typeof CLEARANCE_STATUSES)[number];

/** Why an order ended in REJECTED (CONTRACT 3). */
export const REJECTION_REASONS = [
  'INVALID_ORDER',
  'UNSUPPORTED_CURRENCY',
  'IDENTITY_MISMATCH',
  'PAYMENT_MISMATCH',
  'UNKNOWN_HS_CODE',
  'PROHIBITED_GOODS',
  'NOT_ON_POSITIVE_LIST',
  'SINGLE_LIMIT_EXCEEDED',
  'ANNUAL_LIMIT_EXCEEDED',
  'INSUFFICIENT_PROOF',
  'PROOF_TIMEOUT',
  'TAX_UNPAID_TIMEOUT',
  'INSPECTION_FAILED',
  'PICKUP_EXPIRED',
  'CUSTOMS_RETURNED',
  'CUSTOMS_DETAINED',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Rejections at intake: the platform may send the same orderId again, corrected (CONTRACT 2). */
export const INTAKE_REJECTIONS: readonly RejectionReason[] = [
  'INVALID_ORDER',
  'UNSUPPORTED_CURRENCY',
  'IDENTITY_MISMATCH',
  'PAYMENT_MISMATCH',
];

/** Why a platform's request was refused while the order itself goes on (CONTRACT 3). */
export const REFUSAL_REASONS = [
  'ORDER_CONFLICT',
  'INVALID_REQUEST',
  'PAYMENT_AMOUNT_MISMATCH',
  'PICKUP_CODE_MISMATCH',
  'UNEXPECTED_EVENT',
  'CANCELLATION_TOO_LATE',
  'RETURN_NOT_ALLOWED',
  'RETURN_WINDOW_CLOSED',
  'RETURN_QUANTITY_EXCEEDED',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * Statuses after which no status follows (CONTRACT 3, 7): a cancelled order, and one whose every
 * unit came back. REJECTED is not one of them: a corrected re-send after intake starts afresh.
 */
export const FINAL_STATUSES: readonly ClearanceStatus[] = ['CANCELLED', 'RETURNED'];

export function isFinalStatus(status: ClearanceStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Where one return of an order stands (CONTRACT 5 `returns[].status`). */
export const RETURN_STATUSES = ['ACCEPTED', 'COMPLETED'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const DOCUMENT_KINDS = ['INVOICE', 'TRANSACTION_RECORD', 'CONTRACT', 'PACKING_LIST', 'ORIGIN_CERTIFICATE'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const TAX_REGIMES = ['CBEC_RETAIL', 'CBEC_RETAIL_FULL_RATE', 'GENERAL_TRADE'] as const;
export type TaxRegime = (typeof TAX_REGIMES)[number];

export const RECEIPT_METHODS = ['SIGNATURE', 'PICKUP'] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

/** One field error, as carried by rejected.v1 details and by the gateway's 400 bodies. */
export interface FieldError {
  field?: string;
  message: string;
}
