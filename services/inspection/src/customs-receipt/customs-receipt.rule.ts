// What a customs receipt does to a review that customs decides (CONTRACT 8.4): a CEB622 moves
// the order as its returnStatus says, never backwards and never out of a final status; in any
// other case it is a timeline entry only (the gateway shows it) and changes nothing here.
import { customsReceiptEffect, CustomsReceiptData, FieldError, RejectionReason } from '@cbec/contracts';
import type { InspectionRow } from '../persistence/inspection-store';

export type ReceiptVerdict =
  | { kind: 'NOTHING'; why: string }
  | { kind: 'DECLARATION_NUMBER'; invtNo: string }
  | { kind: 'HOLD' }
  | { kind: 'APPROVE' }
  | { kind: 'REJECT'; reasonCode: Extract<RejectionReason, 'CUSTOMS_RETURNED' | 'CUSTOMS_DETAINED'>; details: FieldError[] };

/** The statuses in which customs' decision is still awaited. */
const AWAITING_CUSTOMS = ['UNDER_REVIEW', 'HELD_FOR_REVIEW'];

export function judgeCustomsReceipt(review: Pick<InspectionRow, 'status' | 'plan'> | undefined, receipt: Pick<CustomsReceiptData, 'messageType' | 'returnStatus' | 'returnInfo' | 'invtNo'>): ReceiptVerdict {
  if (receipt.messageType !== 'CEB622') return { kind: 'NOTHING', why: `a ${receipt.messageType} does not move a review` };
  if (!review) return { kind: 'NOTHING', why: 'no review of this order here' };
  if (review.plan.outcome !== 'PROCEED' || !review.plan.customsDecides) return { kind: 'NOTHING', why: 'the built-in review decides this order' };
  if (!AWAITING_CUSTOMS.includes(review.status)) return { kind: 'NOTHING', why: `the order is ${review.status}: receipts no longer move it` };
  const details = [{ field: 'customs.returnInfo', message: receipt.returnInfo || `customs returnStatus ${receipt.returnStatus}` }];
  switch (customsReceiptEffect(receipt.returnStatus)) {
    case 'ACCEPTED':
      return receipt.invtNo ? { kind: 'DECLARATION_NUMBER', invtNo: receipt.invtNo } : { kind: 'NOTHING', why: 'a 120 without invtNo' };
    case 'HELD':
      return review.status === 'UNDER_REVIEW' ? { kind: 'HOLD' } : { kind: 'NOTHING', why: 'already held for review' };
    case 'RELEASED':
      return { kind: 'APPROVE' };
    case 'RETURNED':
      return { kind: 'REJECT', reasonCode: 'CUSTOMS_RETURNED', details };
    case 'DETAINED':
      return { kind: 'REJECT', reasonCode: 'CUSTOMS_DETAINED', details };
    default:
      return { kind: 'NOTHING', why: `returnStatus ${receipt.returnStatus} changes no status` };
  }
}
