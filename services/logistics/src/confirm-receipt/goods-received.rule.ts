// What a platform's goods-received does to a shipment (CONTRACT 2.2): a re-send of the accepted
// receipt changes nothing; then the state (are the goods out for delivery or waiting for
// pickup?), then the content, then the hand-over (judgeReceipt), a wrong pickup code counted
// toward the lock-out (pickup-lockout.rule.ts).
import { CLEARANCE_MODEL_RULES, ClearanceModel, DeliveredData, FieldError, GoodsReceivedData, RefusalReason, validatePayload } from '@cbec/contracts';
import type { ShipmentStatus } from '../persistence/shipment.entity';
import { afterWrongCode, isLockedOut, PickupCodeAttempts, PickupLockoutPolicy } from './pickup-lockout.rule';
import { judgeReceipt } from './receipt.rule';

const AWAITING_RECEIPT: readonly ShipmentStatus[] = ['OUT_FOR_DELIVERY', 'READY_FOR_PICKUP'];

/** What the rule needs of the shipment. */
export interface ReceivingShipment {
  status: ShipmentStatus;
  clearanceModel: ClearanceModel;
  receiptHash: string | null;
  pickupCode: string | null;
  pickupWrongCodes: number;
  pickupLockedUntil: Date | null;
}

export type GoodsReceived =
  | { kind: 'already-received' }
  /** `attempts`: the pickup codes tried, when this one was a wrong code that counts. */
  | { kind: 'refused'; reasonCode: RefusalReason; message: string; details?: FieldError[]; attempts?: PickupCodeAttempts }
  | { kind: 'completed'; receipt: GoodsReceivedData };

export function judgeGoodsReceived(shipment: ReceivingShipment | null, data: unknown, receiptHash: string, subject: string, now: Date, policy: PickupLockoutPolicy): GoodsReceived {
  if (shipment?.receiptHash === receiptHash) return { kind: 'already-received' };
  if (!shipment || !AWAITING_RECEIPT.includes(shipment.status)) {
    return { kind: 'refused', reasonCode: 'UNEXPECTED_EVENT', message: `order ${subject} is not waiting for its goods to be received (${shipment ? `status ${shipment.status}` : 'not handed over'})` };
  }
  const { value: receipt, errors } = validatePayload(GoodsReceivedData, data);
  if (!receipt) return { kind: 'refused', reasonCode: 'INVALID_REQUEST', message: 'the goods-received data is invalid', details: errors };
  const attempts = { wrongCodes: shipment.pickupWrongCodes, lockedUntil: shipment.pickupLockedUntil };
  const lockedOutUntil = isLockedOut(attempts, now) ? attempts.lockedUntil! : undefined;
  const verdict = judgeReceipt({ handOver: CLEARANCE_MODEL_RULES[shipment.clearanceModel].handOver, pickupCode: shipment.pickupCode, lockedOutUntil }, receipt);
  if (verdict.accepted) return { kind: 'completed', receipt };
  const { reasonCode, message, details } = verdict;
  return { kind: 'refused', reasonCode, message, details, ...(verdict.wrongCode ? { attempts: afterWrongCode(attempts, now, policy) } : {}) };
}

/** What the receipt changes of the shipment; a completed hand-over's carries its new step. */
export type ShipmentChange = Partial<Pick<ReceivingShipment, 'status' | 'receiptHash' | 'pickupWrongCodes' | 'pickupLockedUntil'>> & { step?: number; completedAt?: Date };

/**
 * What a judged receipt leads to: a wrong code counted (`change` only), or the hand-over completed
 * at the step after the shipment's, with the delivered notice; completedAt opens the return window
 * of retail orders (CONTRACT 7.3). Nothing for a re-send or a refusal that counts no code.
 */
export function receiptOutcomeOf(
  shipment: { step: number; declarationNumber: string | null; permitNumber: string | null } | null,
  judged: GoodsReceived,
  receiptHash: string,
  now: Date,
): { change?: ShipmentChange; delivered?: DeliveredData['notice'] } {
  if (judged.kind === 'already-received') return {};
  if (judged.kind === 'refused') return judged.attempts ? { change: { pickupWrongCodes: judged.attempts.wrongCodes, pickupLockedUntil: judged.attempts.lockedUntil } } : {};
  const { declarationNumber, permitNumber, step } = shipment!;
  const delivered = { declarationNumber: declarationNumber ?? '', ...(permitNumber ? { permitNumber } : {}), completedAt: now.toISOString() };
  return { change: { status: 'COMPLETED', step: step + 1, receiptHash, completedAt: now, pickupWrongCodes: 0, pickupLockedUntil: null }, delivered };
}
