// Whether a goods-received request completes the hand-over (CONTRACT 2.2): the method must fit
// the hand-over (a signature at the door, a pickup at a location) and a pickup needs its code,
// which is not taken at all while the order is locked out (pickup-lockout.rule.ts).
import type { ClearanceModelRules, FieldError, ReceiptMethod, RefusalReason } from '@cbec/contracts';

const METHOD_OF_HAND_OVER: Record<ClearanceModelRules['handOver'], ReceiptMethod> = {
  DELIVERY: 'SIGNATURE',
  PICKUP: 'PICKUP',
};

export type ReceiptJudgement =
  | { accepted: true }
  | {
      accepted: false;
      reasonCode: Extract<RefusalReason, 'INVALID_REQUEST' | 'PICKUP_CODE_MISMATCH'>;
      message: string;
      details: FieldError[];
      /** A pickup code was tried and was wrong: it counts towards the lock-out. */
      wrongCode?: true;
    };

export function judgeReceipt(
  expected: { handOver: ClearanceModelRules['handOver']; pickupCode: string | null; lockedOutUntil?: Date },
  receipt: { method: ReceiptMethod; pickupCode?: string },
): ReceiptJudgement {
  const method = METHOD_OF_HAND_OVER[expected.handOver];
  if (receipt.method !== method) {
    const message = `method must be ${method}: the goods are handed over by ${expected.handOver.toLowerCase()}`;
    return { accepted: false, reasonCode: 'INVALID_REQUEST', message, details: [{ field: 'method', message }] };
  }
  if (method === 'PICKUP' && expected.lockedOutUntil) {
    const message = `too many wrong pickup codes: no code is taken before ${expected.lockedOutUntil.toISOString()}`;
    return { accepted: false, reasonCode: 'PICKUP_CODE_MISMATCH', message, details: [{ field: 'pickupCode', message }] };
  }
  if (method === 'PICKUP' && (expected.pickupCode === null || receipt.pickupCode !== expected.pickupCode)) {
    const message = receipt.pickupCode === undefined ? 'pickupCode is required for a pickup' : 'pickupCode does not match the code of pickup-ready';
    return { accepted: false, reasonCode: 'PICKUP_CODE_MISMATCH', message, details: [{ field: 'pickupCode', message }], wrongCode: true };
  }
  return { accepted: true };
}
