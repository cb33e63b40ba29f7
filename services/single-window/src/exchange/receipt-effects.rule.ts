// What a receipt changes in what the Single Window service keeps of an order (CONTRACT 8.4):
// customs' numbers, the cancellation that waited for an invtNo, the tax bill, and which message
// the exchange refused. Where the order's status moves is inspection's to decide.
import { customsReceiptEffect, CustomsTaxBill, SingleWindowMessageType } from '@cbec/contracts';
import type { Receipt } from '@cbec/single-window';
import type { CustomsOrder } from '../persistence/customs-order.entity';

export interface ReceiptEffects {
  preNo?: string;
  invtNo?: string;
  /** A CEB623 can now be sent: the order was cancelled before customs gave its invtNo. */
  sendCancellation: boolean;
  taxBill?: CustomsTaxBill;
  /** The exchange refused the message it answers. */
  refused: boolean;
}

/** The message a receipt answers, by the receipt's type (CEB900 names its own). */
export const ANSWERED_MESSAGE: Partial<Record<Receipt['messageType'], SingleWindowMessageType>> = {
  CEB312: 'CEB311',
  CEB622: 'CEB621',
  CEB624: 'CEB623',
  CEB626: 'CEB625',
};

export function receiptEffects(order: Pick<CustomsOrder, 'invtNo' | 'cancellationReason' | 'cancellationSent'>, receipt: Receipt): ReceiptEffects {
  if (receipt.messageType === 'CEB816') {
    const { taxNo, customsTax, valueAddedTax, consumptionTax } = receipt;
    return { sendCancellation: false, refused: false, taxBill: { taxNo, customsTax, valueAddedTax, consumptionTax, matchesAssessment: null } };
  }
  const effect = customsReceiptEffect(receipt.returnStatus);
  if (effect === 'REFUSED') return { sendCancellation: false, refused: true };
  if (receipt.messageType !== 'CEB622') return { sendCancellation: false, refused: false };
  const preNo = receipt.preNo || undefined;
  const invtNo = effect === 'ACCEPTED' && receipt.invtNo ? receipt.invtNo : undefined;
  const sendCancellation = !!invtNo && !order.invtNo && order.cancellationReason !== null && !order.cancellationSent;
  return { preNo, invtNo, sendCancellation, refused: false };
}

/** customs' returnTime (yyyyMMddHHmmssSSS, China time) as an ISO time; null when it is not one. */
export function returnTimeOf(returnTime: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?$/.exec(returnTime.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, millis] = match;
  const at = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis ?? '000'}+08:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
